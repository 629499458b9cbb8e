package dev.shoal.taskmanager.compute.kubernetes;

import dev.shoal.taskmanager.compute.NodeFirewall;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A node's security group as a NetworkPolicy on its Pod: the group's CIDRs reach its client port, and the other nodes
 * of its group reach every port (replication, gossip), as on the local driver's host. No rule admits anyone else, so a
 * group without CIDRs admits only the node's peers.
 */
final class FirewallPolicy {

    /** The client port the policy is for, kept even when no CIDR is admitted to it. */
    static final String PORT_ANNOTATION = "shoal.dev/client-port";

    private FirewallPolicy() {
    }

    /** @param group the node's group, or null while the node is not made yet: its peers are admitted once it is */
    static NetworkPolicy of(NodeFirewall firewall, Map<String, String> labels, String group) {
        List<NetworkPolicyIngressRule> rules = new ArrayList<>();
        // a rule without sources would admit every source: no CIDR is no rule
        if (!firewall.allowedCidrs().isEmpty()) {
            rules.add(new NetworkPolicyIngressRuleBuilder()
                    .withFrom(firewall.allowedCidrs().stream().map(FirewallPolicy::cidr).toList())
                    .addNewPort().withProtocol("TCP").withPort(new IntOrString(firewall.port())).endPort()
                    .build());
        }
        if (group != null) {
            rules.add(new NetworkPolicyIngressRuleBuilder().addNewFrom().withNewPodSelector()
                    .addToMatchLabels(NodeObjects.CLUSTER, group).endPodSelector().endFrom().build());
        }
        return new NetworkPolicyBuilder()
                .withNewMetadata().withName(NodeObjects.node(firewall.nodeId())).withLabels(labels)
                .addToAnnotations(PORT_ANNOTATION, Integer.toString(firewall.port())).endMetadata()
                .withNewSpec()
                .withNewPodSelector().addToMatchLabels(NodeObjects.NODE, firewall.nodeId()).endPodSelector()
                .withPolicyTypes("Ingress")
                .withIngress(rules)
                .endSpec()
                .build();
    }

    /** The firewall a policy made by {@link #of} enforces, so that it can be made again with the node's group. */
    static Optional<NodeFirewall> firewallOf(NetworkPolicy policy, String address) {
        String port = policy.getMetadata().getAnnotations() == null ? null
                : policy.getMetadata().getAnnotations().get(PORT_ANNOTATION);
        if (port == null) {
            return Optional.empty();
        }
        List<String> cidrs = policy.getSpec().getIngress() == null ? List.of() : policy.getSpec().getIngress().stream()
                .filter(rule -> rule.getFrom() != null)
                .flatMap(rule -> rule.getFrom().stream())
                .filter(peer -> peer.getIpBlock() != null)
                .map(peer -> peer.getIpBlock().getCidr())
                .toList();
        String nodeId = policy.getSpec().getPodSelector().getMatchLabels().get(NodeObjects.NODE);
        return Optional.of(new NodeFirewall(nodeId, address, Integer.parseInt(port), cidrs));
    }

    /** The group whose nodes the policy admits to every port, if any. */
    static Optional<String> peerGroup(NetworkPolicy policy) {
        return policy.getSpec().getIngress() == null ? Optional.empty() : policy.getSpec().getIngress().stream()
                .filter(rule -> rule.getFrom() != null)
                .flatMap(rule -> rule.getFrom().stream())
                .filter(peer -> peer.getPodSelector() != null && peer.getPodSelector().getMatchLabels() != null)
                .map(peer -> peer.getPodSelector().getMatchLabels().get(NodeObjects.CLUSTER))
                .filter(Objects::nonNull)
                .findFirst();
    }

    private static NetworkPolicyPeer cidr(String cidr) {
        return new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr(cidr).endIpBlock().build();
    }
}
