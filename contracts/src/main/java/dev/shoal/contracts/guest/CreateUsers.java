package dev.shoal.contracts.guest;

import java.util.List;

/** Trove's {@code create_user}: each account is created (or its password reset) and granted its databases. */
public record CreateUsers(List<DatabaseUser> users) {

    public CreateUsers {
        users = List.copyOf(users);
    }
}
