package dev.shoal.api.keystone;

/** What a Keystone role lets its holder do in Shoal, from most to least. */
public enum ShoalRole {
    /** every tenant, and the management routes */
    OPERATOR,
    /** its own project's resources, read and changed */
    TENANT,
    /** its own project's resources, read only */
    READER
}
