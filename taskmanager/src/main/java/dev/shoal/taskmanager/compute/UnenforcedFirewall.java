package dev.shoal.taskmanager.compute;

/** {@code shoal.compute.local.firewall=none}: the rules are kept in Shoal's records only, and shown as such. */
final class UnenforcedFirewall implements LocalFirewall {

    @Override
    public FirewallReport apply(NodeFirewall firewall) {
        return new FirewallReport(false, "not enforced: the local compute driver records these rules without"
                + " applying them (shoal.compute.local.firewall=none), so any local client reaches "
                + firewall.address() + ":" + firewall.port());
    }

    @Override
    public void remove(String nodeId) {
        // nothing was applied
    }

    /** Without iptables a lost host's address keeps answering, with a refusal: its processes are gone. */
    @Override
    public void isolate(String nodeId, String address) {
        // nothing can be applied
    }

    @Override
    public void reconnect(String nodeId) {
        // nothing was applied
    }
}
