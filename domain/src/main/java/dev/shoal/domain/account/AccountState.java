package dev.shoal.domain.account;

/** Where a database or user of an instance stands between the API's request and the guest's work. */
public enum AccountState {
    /** Asked for; the guest has not created it yet. */
    CREATING,
    /** The guest created it. */
    ACTIVE,
    /** Deletion asked for; the row goes once the guest dropped it. */
    DELETING
}
