package dev.shoal.domain.cluster;

/** What Shoal is doing to a cluster as a whole; each maps to the status users see while it runs. */
public enum ClusterTask {
    NONE(null),
    BUILDING("BUILD"),
    GROWING("GROWING"),
    SHRINKING("SHRINKING"),
    REPLACING("REPLACING"),
    RESTARTING("RESTARTING"),
    DELETING("DELETING");

    private final String status;

    ClusterTask(String status) {
        this.status = status;
    }

    public String status() {
        return status;
    }
}
