package dev.shoal.contracts.guest;

/** One database to create, with its character set and collation. */
public record DatabaseSchema(String name, String characterSet, String collate) {
}
