package dev.shoal.contracts.guest;

/** Stops the datastore process cleanly; answered once it has exited. */
public record StopDb() {
}
