package dev.shoal.contracts.guest;

/** Trove's {@code delete_database}: the database goes, and every grant on it with it. */
public record DeleteDatabase(String name) {
}
