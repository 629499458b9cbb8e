package dev.shoal.api.account;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.ApiException.FieldProblem;
import dev.shoal.contracts.SecretBox;
import dev.shoal.contracts.guest.CreateUsers;
import dev.shoal.contracts.guest.DatabaseUser;
import dev.shoal.contracts.guest.UserAccess;
import dev.shoal.domain.account.AccountState;
import dev.shoal.domain.account.InstanceDatabase;
import dev.shoal.domain.account.InstanceDatabaseRepository;
import dev.shoal.domain.account.InstanceUser;
import dev.shoal.domain.account.InstanceUserRepository;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.task.TaskKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trove's users of an instance. The rows keep name, host and grants; a password travels only sealed for the
 * instance's node, in the task's parameters, and is stored nowhere else.
 */
@Service
class UserService {

    private final AccountTarget target;
    private final InstanceUserRepository users;
    private final InstanceDatabaseRepository databases;
    private final ApiProperties properties;
    private final Clock clock;

    UserService(AccountTarget target, InstanceUserRepository users, InstanceDatabaseRepository databases,
                ApiProperties properties, Clock clock) {
        this.target = target;
        this.users = users;
        this.databases = databases;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    void create(String tenantId, UUID id, CreateUsersRequest request) {
        Instance instance = target.writable(tenantId, id, "user-create");
        List<UserRequests.Wanted> wanted = UserRequests.validate(request, target.naming(instance));
        Set<String> known = usable(instance);
        List<FieldProblem> unknown = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            UserRequests.Wanted user = wanted.get(i);
            users.findByInstanceIdAndNameAndHost(instance.getId(), user.name(), user.host()).ifPresent(existing -> {
                throw ApiException.conflict("user " + user.name() + "@" + user.host() + " already exists on instance "
                        + id + (existing.getState() == AccountState.DELETING ? " (it is being deleted)" : ""));
            });
            unknownDatabases("users[" + i + "].databases", user.databases(), known, unknown);
        }
        if (!unknown.isEmpty()) {
            throw ApiException.inconsistent(unknown.get(0).field() + ": " + unknown.get(0).message(), unknown);
        }
        Node node = target.node(instance);
        users.saveAll(wanted.stream().map(user -> new InstanceUser(instance.getId(), user.name(), user.host(),
                user.databases(), clock.instant())).toList());
        target.schedule(tenantId, TaskKind.CREATE_USERS, instance, new CreateUsers(wanted.stream()
                .map(user -> new DatabaseUser(user.name(), user.host(),
                        SecretBox.seal(node.secret().orElseThrow(), user.password()), user.databases()))
                .toList()));
    }

    @Transactional(readOnly = true)
    Pages<UserView> list(String tenantId, UUID id, Integer limit, String marker) {
        Instance instance = target.readable(tenantId, id, "user-list");
        List<UserView> shown = users.findAllByInstanceIdOrderByNameAscHostAsc(instance.getId()).stream()
                .filter(user -> user.getState() != AccountState.DELETING).map(UserView::of).toList();
        return Pages.of(shown, user -> user.name() + "@" + user.host(), limit, marker,
                properties.defaultPageSize(), properties.maxPageSize());
    }

    @Transactional(readOnly = true)
    UserView show(String tenantId, UUID id, String user) {
        return UserView.of(existing(target.readable(tenantId, id, "user-list"), user));
    }

    @Transactional
    void delete(String tenantId, UUID id, String user) {
        Instance instance = target.writable(tenantId, id, "user-delete");
        InstanceUser row = existing(instance, user);
        if (row.getState() == AccountState.CREATING) {
            throw ApiException.conflict("user " + user + " is still being created; delete it once it is");
        }
        row.startDeleting();
        target.schedule(tenantId, TaskKind.DELETE_USER, instance,
                new UserAccess(row.getName(), row.getHost(), List.of()));
    }

    /** Trove has no capability of its own for grants: a grant changes a user, as creating one does. */
    @Transactional
    void grant(String tenantId, UUID id, String user, CreateUsersRequest.Grant request) {
        Instance instance = target.writable(tenantId, id, "user-create");
        InstanceUser row = settled(instance, user);
        List<String> names = UserRequests.databaseNames("databases", request == null ? null : request.databases(),
                target.naming(instance));
        List<FieldProblem> unknown = new ArrayList<>();
        unknownDatabases("databases", names, usable(instance), unknown);
        if (!unknown.isEmpty()) {
            throw ApiException.inconsistent(unknown.get(0).field() + ": " + unknown.get(0).message(), unknown);
        }
        List<String> added = names.stream().filter(name -> !row.getDatabases().contains(name)).toList();
        if (!added.isEmpty()) {
            row.grant(added);
            target.schedule(tenantId, TaskKind.GRANT_ACCESS, instance,
                    new UserAccess(row.getName(), row.getHost(), added));
        }
    }

    @Transactional
    void revoke(String tenantId, UUID id, String user, String database) {
        Instance instance = target.writable(tenantId, id, "user-delete");
        InstanceUser row = settled(instance, user);
        if (!row.getDatabases().contains(database)) {
            throw ApiException.notFound("access of user " + user + " to database " + database);
        }
        row.revoke(List.of(database));
        target.schedule(tenantId, TaskKind.REVOKE_ACCESS, instance,
                new UserAccess(row.getName(), row.getHost(), List.of(database)));
    }

    @Transactional(readOnly = true)
    List<UserView.DatabaseName> access(String tenantId, UUID id, String user) {
        return UserView.of(existing(target.readable(tenantId, id, "user-list"), user)).databases();
    }

    /** A user named in a path as Trove's clients write it: {@code name} (any host) or {@code name@host}. */
    private InstanceUser existing(Instance instance, String user) {
        int at = user.indexOf('@');
        String name = at < 0 ? user : user.substring(0, at);
        String host = at < 0 ? UserRules.ANY_HOST : user.substring(at + 1);
        return users.findByInstanceIdAndNameAndHost(instance.getId(), name, host)
                .filter(row -> row.getState() != AccountState.DELETING)
                .orElseThrow(() -> ApiException.notFound("user " + user + " of instance " + instance.getId()));
    }

    /** Grants wait for the account itself: the server refuses a grant to an account not yet made. */
    private InstanceUser settled(Instance instance, String user) {
        InstanceUser row = existing(instance, user);
        if (row.getState() == AccountState.CREATING) {
            throw ApiException.conflict("user " + user + " is still being created; change its access once it is");
        }
        return row;
    }

    private Set<String> usable(Instance instance) {
        return databases.findAllByInstanceIdOrderByName(instance.getId()).stream()
                .filter(database -> database.getState() != AccountState.DELETING)
                .map(InstanceDatabase::getName).collect(Collectors.toSet());
    }

    private static void unknownDatabases(String field, List<String> names, Set<String> known,
                                         List<FieldProblem> unknown) {
        for (int i = 0; i < names.size(); i++) {
            if (!known.contains(names.get(i))) {
                unknown.add(new FieldProblem(field + "[" + i + "].name", "no database " + names.get(i)
                        + " on this instance"));
            }
        }
    }
}
