package dev.shoal.taskmanager.compute;

import java.util.List;

/**
 * What a node's firewall is to admit to its client port: the allowed sources (CIDRs in canonical form, IPv4 or
 * IPv6) and, always, the host's own address, from where Shoal itself reaches the node.
 *
 * @param allowedCidrs the node's security group rules; empty admits nobody but the host
 */
public record NodeFirewall(String nodeId, String address, int port, List<String> allowedCidrs) {

    public NodeFirewall {
        allowedCidrs = List.copyOf(allowedCidrs);
    }
}
