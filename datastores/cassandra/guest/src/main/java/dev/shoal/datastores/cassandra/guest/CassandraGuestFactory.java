package dev.shoal.datastores.cassandra.guest;

import dev.shoal.datastores.cassandra.CassandraDatastore;
import dev.shoal.guest.spi.DatastoreManager;
import dev.shoal.guest.spi.GuestConfig;
import dev.shoal.guest.spi.GuestDatastoreFactory;

/** Found by the guest agent through {@code META-INF/services}. */
public final class CassandraGuestFactory implements GuestDatastoreFactory {

    @Override
    public String name() {
        return CassandraDatastore.NAME;
    }

    @Override
    public DatastoreManager create(GuestConfig config) {
        return new CassandraManager(config);
    }
}
