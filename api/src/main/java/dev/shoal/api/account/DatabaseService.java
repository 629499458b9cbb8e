package dev.shoal.api.account;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.ApiException.FieldProblem;
import dev.shoal.contracts.guest.CreateDatabases;
import dev.shoal.contracts.guest.DatabaseSchema;
import dev.shoal.contracts.guest.DeleteDatabase;
import dev.shoal.datastore.Naming;
import dev.shoal.domain.account.AccountState;
import dev.shoal.domain.account.InstanceDatabase;
import dev.shoal.domain.account.InstanceDatabaseRepository;
import dev.shoal.domain.account.InstanceUser;
import dev.shoal.domain.account.InstanceUserRepository;
import dev.shoal.domain.instance.Instance;
import dev.shoal.domain.task.TaskKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trove's databases of an instance. Rows and the task are written in one transaction, after the whole request
 * was judged, so a refused request leaves nothing behind; lists answer from the rows, without asking the guest.
 */
@Service
class DatabaseService {

    static final int MAX_PER_REQUEST = 50;

    private final AccountTarget target;
    private final InstanceDatabaseRepository databases;
    private final InstanceUserRepository users;
    private final ApiProperties properties;
    private final Clock clock;

    DatabaseService(AccountTarget target, InstanceDatabaseRepository databases, InstanceUserRepository users,
                    ApiProperties properties, Clock clock) {
        this.target = target;
        this.databases = databases;
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    void create(String tenantId, UUID id, CreateDatabasesRequest request) {
        Instance instance = target.writable(tenantId, id, "database-create");
        List<DatabaseSchema> wanted = validate(request, target.naming(instance));
        for (DatabaseSchema schema : wanted) {
            databases.findByInstanceIdAndName(instance.getId(), schema.name()).ifPresent(existing -> {
                throw ApiException.conflict("database " + schema.name() + " already exists on instance " + id
                        + (existing.getState() == AccountState.DELETING ? " (it is being deleted)" : ""));
            });
        }
        databases.saveAll(wanted.stream().map(schema -> new InstanceDatabase(instance.getId(), schema.name(),
                schema.characterSet(), schema.collate(), clock.instant())).toList());
        target.schedule(tenantId, TaskKind.CREATE_DATABASES, instance, new CreateDatabases(wanted));
    }

    @Transactional(readOnly = true)
    Pages<DatabaseView> list(String tenantId, UUID id, Integer limit, String marker) {
        Instance instance = target.readable(tenantId, id, "database-list");
        List<DatabaseView> shown = databases.findAllByInstanceIdOrderByName(instance.getId()).stream()
                .filter(database -> database.getState() != AccountState.DELETING).map(DatabaseView::of).toList();
        return Pages.of(shown, DatabaseView::name, limit, marker, properties.defaultPageSize(),
                properties.maxPageSize());
    }

    /** The users' grants on it go with it, as the guest revokes them before the drop. */
    @Transactional
    void delete(String tenantId, UUID id, String name) {
        Instance instance = target.writable(tenantId, id, "database-delete");
        InstanceDatabase database = databases.findByInstanceIdAndName(instance.getId(), name)
                .orElseThrow(() -> ApiException.notFound("database " + name + " of instance " + id));
        if (database.getState() == AccountState.DELETING) {
            return;
        }
        if (database.getState() == AccountState.CREATING) {
            throw ApiException.conflict("database " + name + " is still being created; delete it once it is");
        }
        database.startDeleting();
        for (InstanceUser user : users.findAllByInstanceIdOrderByNameAscHostAsc(instance.getId())) {
            user.revoke(List.of(name));
        }
        target.schedule(tenantId, TaskKind.DELETE_DATABASE, instance, new DeleteDatabase(name));
    }

    /** Every problem at once: malformed ones are a 400, reserved names a 422. */
    static List<DatabaseSchema> validate(CreateDatabasesRequest request, Naming naming) {
        DatabaseRules rules = new DatabaseRules(naming);
        if (request == null || request.databases() == null || request.databases().isEmpty()) {
            throw ApiException.invalid("databases", "at least one database is required");
        }
        if (request.databases().size() > MAX_PER_REQUEST) {
            throw ApiException.invalid("databases", "at most " + MAX_PER_REQUEST + " databases per request");
        }
        List<FieldProblem> invalid = new ArrayList<>();
        List<FieldProblem> reserved = new ArrayList<>();
        List<DatabaseSchema> schemas = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.databases().size(); i++) {
            String field = "databases[" + i + "]";
            CreateDatabasesRequest.Body body = request.databases().get(i);
            if (body == null) {
                invalid.add(new FieldProblem(field, "is required"));
                continue;
            }
            int before = invalid.size();
            rules.name(field + ".name", body.name(), invalid);
            rules.notReserved(field + ".name", body.name(), reserved);
            if (invalid.size() == before && !seen.add(body.name())) {
                invalid.add(new FieldProblem(field + ".name", body.name() + " is asked for twice"));
            }
            DatabaseSchema schema = rules.schema(field, body.name(), body.characterSet(), body.collate(),
                    invalid);
            if (schema != null) {
                schemas.add(schema);
            }
        }
        if (!invalid.isEmpty()) {
            throw ApiException.invalid(invalid);
        }
        if (!reserved.isEmpty()) {
            throw ApiException.inconsistent(reserved.size() == 1 ? reserved.get(0).field() + ": "
                    + reserved.get(0).message() : reserved.size() + " names are reserved", reserved);
        }
        return schemas;
    }
}
