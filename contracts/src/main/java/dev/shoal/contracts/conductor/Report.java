package dev.shoal.contracts.conductor;

/** A guest's account of how a cast it received ended, e.g. a failed {@code prepare}. */
public record Report(String method, boolean ok, String message) {
}
