package dev.shoal.datastore.control;

/** A strategy found that the cluster change cannot succeed; the task fails with the reason. */
public class ClusterFailure extends Exception {

    /** What failed, which decides the error the task manager leaves the nodes in. */
    public enum Kind {
        /** The datastore's membership cannot be made what the change asks. */
        MEMBERSHIP,
        /** A replica stopped replicating on an error. */
        REPLICA
    }

    private final Kind kind;

    public ClusterFailure(Kind kind, String reason) {
        super(reason);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
