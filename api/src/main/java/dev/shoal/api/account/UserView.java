package dev.shoal.api.account;

import dev.shoal.domain.account.InstanceUser;
import java.util.List;

/** Trove's user: name, host and the databases it may use; never a password. */
record UserView(String name, String host, List<DatabaseName> databases) {

    static UserView of(InstanceUser user) {
        return new UserView(user.getName(), user.getHost(),
                user.getDatabases().stream().map(DatabaseName::new).toList());
    }

    record DatabaseName(String name) {
    }
}
