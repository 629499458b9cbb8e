package dev.shoal.domain.secgroup;

/** What the compute driver last made of a security group's rules. */
public enum Enforcement {
    /** Changed since the driver last applied it. */
    PENDING,
    /** The node's firewall admits exactly the group's sources (and the host's own address) to its client port. */
    ENFORCED,
    /** The driver records the rules without applying them (the local driver without a firewall). */
    NOT_ENFORCED,
    /** The driver could not apply the rules; the message says why. */
    FAILED
}
