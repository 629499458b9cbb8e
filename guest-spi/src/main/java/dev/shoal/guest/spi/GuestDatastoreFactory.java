package dev.shoal.guest.spi;

/**
 * How the guest agent finds a datastore's guest side: each datastore's guest module registers one in
 * {@code META-INF/services}, and the agent makes the manager whose name its node's {@code datastore.manager} says.
 */
public interface GuestDatastoreFactory {

    /** The datastore's descriptor name, as a node's {@code datastore.manager} names it. */
    String name();

    DatastoreManager create(GuestConfig config);
}
