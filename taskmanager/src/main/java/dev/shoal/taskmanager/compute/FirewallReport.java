package dev.shoal.taskmanager.compute;

/**
 * What a compute driver did with a node's firewall.
 *
 * @param enforced    true when only the admitted sources reach the node's client port now; false when the driver
 *                    recorded the rules without enforcing them
 * @param description what was done, or why nothing was, in words an operator can check
 */
public record FirewallReport(boolean enforced, String description) {
}
