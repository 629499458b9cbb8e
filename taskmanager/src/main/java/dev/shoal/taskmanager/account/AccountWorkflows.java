package dev.shoal.taskmanager.account;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageTypes;
import dev.shoal.contracts.guest.CreateDatabases;
import dev.shoal.contracts.guest.CreateUsers;
import dev.shoal.contracts.guest.DatabaseSchema;
import dev.shoal.contracts.guest.DeleteDatabase;
import dev.shoal.contracts.guest.UserAccess;
import dev.shoal.domain.account.AccountState;
import dev.shoal.domain.account.InstanceDatabase;
import dev.shoal.domain.account.InstanceDatabaseRepository;
import dev.shoal.domain.account.InstanceUser;
import dev.shoal.domain.account.InstanceUserRepository;
import dev.shoal.domain.node.Node;
import dev.shoal.domain.node.NodeRepository;
import dev.shoal.domain.node.NodeTask;
import dev.shoal.domain.task.Task;
import dev.shoal.domain.task.TaskKind;
import dev.shoal.taskmanager.TaskManagerProperties;
import dev.shoal.taskmanager.guest.GuestClient;
import dev.shoal.taskmanager.task.StepListWorkflow;
import dev.shoal.taskmanager.task.Workflow;
import dev.shoal.taskmanager.task.Workflow.Step;
import dev.shoal.taskmanager.task.Workflow.StepOutcome;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Applies what the API wrote about an instance's databases and users to its server through Trove's guest methods,
 * then brings the rows to what was applied. A failed change takes back what the API had written for it, so the
 * lists show what the server holds; the reason stays on the instance's task.
 */
@Configuration(proxyBeanMethods = false)
class AccountWorkflows {

    private final NodeRepository nodes;
    private final InstanceDatabaseRepository databases;
    private final InstanceUserRepository users;
    private final GuestClient guests;
    private final MessageCodec codec;
    private final TaskManagerProperties properties;

    AccountWorkflows(NodeRepository nodes, InstanceDatabaseRepository databases, InstanceUserRepository users,
                     GuestClient guests, MessageCodec codec, TaskManagerProperties properties) {
        this.nodes = nodes;
        this.databases = databases;
        this.users = users;
        this.guests = guests;
        this.codec = codec;
        this.properties = properties;
    }

    @Bean
    Workflow createDatabases() {
        return workflow(new AccountChange<>(TaskKind.CREATE_DATABASES, MessageTypes.CREATE_DATABASE,
                CreateDatabases.class, "Creating databases",
                (instance, payload) -> databasesNamed(instance, payload).forEach(InstanceDatabase::created),
                (instance, payload) -> databasesNamed(instance, payload).stream()
                        .filter(database -> database.getState() == AccountState.CREATING)
                        .forEach(databases::delete)));
    }

    @Bean
    Workflow deleteDatabase() {
        return workflow(new AccountChange<>(TaskKind.DELETE_DATABASE, MessageTypes.DELETE_DATABASE,
                DeleteDatabase.class, "Deleting a database",
                (instance, payload) -> databases.findByInstanceIdAndName(instance, payload.name())
                        .filter(database -> database.getState() == AccountState.DELETING)
                        .ifPresent(databases::delete),
                (instance, payload) -> databases.findByInstanceIdAndName(instance, payload.name())
                        .ifPresent(InstanceDatabase::keep)));
    }

    @Bean
    Workflow createUsers() {
        return workflow(new AccountChange<>(TaskKind.CREATE_USERS, MessageTypes.CREATE_USER, CreateUsers.class,
                "Creating users",
                (instance, payload) -> payload.users().forEach(user -> user(instance, user.name(), user.host())
                        .ifPresent(InstanceUser::created)),
                (instance, payload) -> payload.users().forEach(user -> user(instance, user.name(), user.host())
                        .filter(row -> row.getState() == AccountState.CREATING).ifPresent(users::delete))));
    }

    @Bean
    Workflow deleteUser() {
        return workflow(new AccountChange<>(TaskKind.DELETE_USER, MessageTypes.DELETE_USER, UserAccess.class,
                "Deleting a user",
                (instance, payload) -> user(instance, payload.name(), payload.host())
                        .filter(row -> row.getState() == AccountState.DELETING).ifPresent(users::delete),
                (instance, payload) -> user(instance, payload.name(), payload.host())
                        .ifPresent(InstanceUser::keep)));
    }

    @Bean
    Workflow grantAccess() {
        return workflow(new AccountChange<>(TaskKind.GRANT_ACCESS, MessageTypes.GRANT_ACCESS, UserAccess.class,
                "Granting access", (instance, payload) -> { },
                (instance, payload) -> user(instance, payload.name(), payload.host())
                        .ifPresent(row -> row.revoke(payload.databases()))));
    }

    @Bean
    Workflow revokeAccess() {
        return workflow(new AccountChange<>(TaskKind.REVOKE_ACCESS, MessageTypes.REVOKE_ACCESS, UserAccess.class,
                "Revoking access", (instance, payload) -> { },
                (instance, payload) -> user(instance, payload.name(), payload.host())
                        .ifPresent(row -> row.grant(payload.databases()))));
    }

    private <T> Workflow workflow(AccountChange<T> change) {
        return new StepListWorkflow(change.kind(), null,
                (task, errorTask, reason) -> change.failed().apply(task.getResourceId(), payload(task, change)),
                new Step(change.kind().name(), 100, change.description(), task -> apply(task, change)));
    }

    /** The server must be up: a build still running is waited for, a delete makes the change moot. */
    private <T> StepOutcome apply(Task task, AccountChange<T> change) {
        Node node = nodes.findFirstByInstanceIdOrderByCreatedDesc(task.getResourceId())
                .orElseThrow(() -> new IllegalStateException("instance " + task.getResourceId() + " has no node"));
        if (node.isDeleted() || node.getTask() == NodeTask.DELETING) {
            return StepOutcome.SUPERSEDED;
        }
        if (node.getTask() == NodeTask.BUILDING) {
            return StepOutcome.WAIT;
        }
        T payload = payload(task, change);
        guests.call(node, change.method(), payload, task.getId().toString(), properties.guestCallTimeoutHigh());
        change.done().apply(task.getResourceId(), payload);
        return StepOutcome.DONE;
    }

    private <T> T payload(Task task, AccountChange<T> change) {
        return codec.mapper().readValue(task.getParameters(), change.payloadType());
    }

    private java.util.List<InstanceDatabase> databasesNamed(UUID instance, CreateDatabases payload) {
        return databases.findAllByInstanceIdAndNameIn(instance, payload.databases().stream()
                .map(DatabaseSchema::name).toList());
    }

    private java.util.Optional<InstanceUser> user(UUID instance, String name, String host) {
        return users.findByInstanceIdAndNameAndHost(instance, name, host);
    }
}
