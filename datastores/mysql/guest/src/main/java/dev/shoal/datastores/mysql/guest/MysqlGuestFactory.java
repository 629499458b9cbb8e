package dev.shoal.datastores.mysql.guest;

import dev.shoal.datastores.mysql.MysqlDatastore;
import dev.shoal.guest.spi.DatastoreManager;
import dev.shoal.guest.spi.GuestConfig;
import dev.shoal.guest.spi.GuestDatastoreFactory;

/** Found by the guest agent through {@code META-INF/services}. */
public final class MysqlGuestFactory implements GuestDatastoreFactory {

    @Override
    public String name() {
        return MysqlDatastore.NAME;
    }

    @Override
    public DatastoreManager create(GuestConfig config) {
        return new MysqlManager(config);
    }
}
