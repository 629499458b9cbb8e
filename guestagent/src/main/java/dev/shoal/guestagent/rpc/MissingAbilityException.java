package dev.shoal.guestagent.rpc;

/** A call for something this node's datastore does not do at all, as opposed to one that failed. */
final class MissingAbilityException extends UnsupportedOperationException {

    MissingAbilityException(String datastore, String ability) {
        super(datastore + " has no " + ability);
    }
}
