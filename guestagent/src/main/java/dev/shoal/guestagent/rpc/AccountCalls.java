package dev.shoal.guestagent.rpc;

import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.SecretBox;
import dev.shoal.contracts.guest.CreateDatabases;
import dev.shoal.contracts.guest.CreateUsers;
import dev.shoal.contracts.guest.DatabaseSchema;
import dev.shoal.contracts.guest.DatabaseUser;
import dev.shoal.contracts.guest.DeleteDatabase;
import dev.shoal.contracts.guest.UserAccess;
import dev.shoal.guest.spi.Accounts;
import dev.shoal.guest.spi.GuestConfig;

/** The database and user calls, on a datastore with accounts of its own; passwords arrive sealed. */
final class AccountCalls {

    private final GuestConfig config;
    private final MessageCodec codec;

    AccountCalls(GuestConfig config, MessageCodec codec) {
        this.config = config;
        this.codec = codec;
    }

    void change(Accounts accounts, Envelope envelope) throws Exception {
        switch (envelope.type()) {
            case MessageTypes.CREATE_DATABASE -> {
                for (DatabaseSchema database : codec.payload(envelope, CreateDatabases.class).databases()) {
                    accounts.createDatabase(database);
                }
            }
            case MessageTypes.DELETE_DATABASE -> accounts.deleteDatabase(
                    codec.payload(envelope, DeleteDatabase.class).name());
            case MessageTypes.CREATE_USER -> {
                for (DatabaseUser user : codec.payload(envelope, CreateUsers.class).users()) {
                    accounts.createUser(user.name(), user.host(), SecretBox.open(config.secret(),
                            user.sealedPassword()), user.databases());
                }
            }
            case MessageTypes.DELETE_USER -> {
                UserAccess user = codec.payload(envelope, UserAccess.class);
                accounts.deleteUser(user.name(), user.host());
            }
            case MessageTypes.GRANT_ACCESS -> {
                UserAccess access = codec.payload(envelope, UserAccess.class);
                accounts.grantAccess(access.name(), access.host(), access.databases());
            }
            default -> {
                UserAccess access = codec.payload(envelope, UserAccess.class);
                accounts.revokeAccess(access.name(), access.host(), access.databases());
            }
        }
    }
}
