package dev.shoal.taskmanager.backup;

import dev.shoal.domain.account.AccountState;
import dev.shoal.domain.account.InstanceDatabase;
import dev.shoal.domain.account.InstanceDatabaseRepository;
import dev.shoal.domain.account.InstanceUser;
import dev.shoal.domain.account.InstanceUserRepository;
import dev.shoal.domain.backup.BackupContents;
import dev.shoal.domain.instance.Instance;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The databases and users Shoal holds for an instance, as a backup records them and as an instance restored from
 * it holds them again: the dump carries them to the server, these rows to the API's lists.
 */
@Component
class BackupAccounts {

    private final InstanceDatabaseRepository databases;
    private final InstanceUserRepository users;
    private final Clock clock;

    BackupAccounts(InstanceDatabaseRepository databases, InstanceUserRepository users, Clock clock) {
        this.databases = databases;
        this.users = users;
        this.clock = clock;
    }

    /** A replica's accounts are its master's, which replication brought to it. */
    BackupContents of(Instance instance) {
        UUID holder = instance.isReplica() ? instance.getSlaveOf() : instance.getId();
        return new BackupContents(
                databases.findAllByInstanceIdOrderByName(holder).stream()
                        .filter(database -> database.getState() == AccountState.ACTIVE)
                        .map(database -> new BackupContents.Database(database.getName(),
                                database.getCharacterSet(), database.getCollate()))
                        .toList(),
                users.findAllByInstanceIdOrderByNameAscHostAsc(holder).stream()
                        .filter(user -> user.getState() == AccountState.ACTIVE)
                        .map(user -> new BackupContents.User(user.getName(), user.getHost(),
                                user.getDatabases().stream().toList()))
                        .toList());
    }

    /** Safe to run again: what the instance already holds is left as it is. */
    void restore(UUID instanceId, BackupContents contents) {
        for (BackupContents.Database database : contents.databases()) {
            if (databases.findByInstanceIdAndName(instanceId, database.name()).isEmpty()) {
                InstanceDatabase restored = new InstanceDatabase(instanceId, database.name(),
                        database.characterSet(), database.collate(), clock.instant());
                restored.created();
                databases.save(restored);
            }
        }
        for (BackupContents.User user : contents.users()) {
            if (users.findByInstanceIdAndNameAndHost(instanceId, user.name(), user.host()).isEmpty()) {
                InstanceUser restored = new InstanceUser(instanceId, user.name(), user.host(), user.databases(),
                        clock.instant());
                restored.created();
                users.save(restored);
            }
        }
    }
}
