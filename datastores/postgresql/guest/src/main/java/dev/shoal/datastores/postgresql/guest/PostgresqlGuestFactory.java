package dev.shoal.datastores.postgresql.guest;

import dev.shoal.datastores.postgresql.PostgresqlDatastore;
import dev.shoal.guest.spi.DatastoreManager;
import dev.shoal.guest.spi.GuestConfig;
import dev.shoal.guest.spi.GuestDatastoreFactory;

/** Found by the guest agent through {@code META-INF/services}. */
public final class PostgresqlGuestFactory implements GuestDatastoreFactory {

    @Override
    public String name() {
        return PostgresqlDatastore.NAME;
    }

    @Override
    public DatastoreManager create(GuestConfig config) {
        return new PostgresqlManager(config);
    }
}
