package dev.shoal.datastores.mongodb.guest;

import dev.shoal.datastores.mongodb.MongoDatastore;
import dev.shoal.guest.spi.DatastoreManager;
import dev.shoal.guest.spi.GuestConfig;
import dev.shoal.guest.spi.GuestDatastoreFactory;

/** Found by the guest agent through {@code META-INF/services}. */
public final class MongoGuestFactory implements GuestDatastoreFactory {

    @Override
    public String name() {
        return MongoDatastore.NAME;
    }

    @Override
    public DatastoreManager create(GuestConfig config) {
        return new MongoManager(config);
    }
}
