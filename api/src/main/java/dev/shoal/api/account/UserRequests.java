package dev.shoal.api.account;

import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.ApiException.FieldProblem;
import dev.shoal.datastore.Naming;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A create-users body judged whole: malformed fields a 400, reserved names a 422, each naming its field. */
final class UserRequests {

    static final int MAX_PER_REQUEST = 50;

    private UserRequests() {
    }

    record Wanted(String name, String host, String password, List<String> databases) {

        @Override
        public String toString() {
            return "Wanted[" + name + "@" + host + ", databases=" + databases + "]";
        }
    }

    static List<Wanted> validate(CreateUsersRequest request, Naming naming) {
        UserRules userRules = new UserRules(naming);
        DatabaseRules databaseRules = new DatabaseRules(naming);
        if (request == null || request.users() == null || request.users().isEmpty()) {
            throw ApiException.invalid("users", "at least one user is required");
        }
        if (request.users().size() > MAX_PER_REQUEST) {
            throw ApiException.invalid("users", "at most " + MAX_PER_REQUEST + " users per request");
        }
        List<FieldProblem> invalid = new ArrayList<>();
        List<FieldProblem> reserved = new ArrayList<>();
        List<Wanted> wanted = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.users().size(); i++) {
            String field = "users[" + i + "]";
            CreateUsersRequest.Body body = request.users().get(i);
            if (body == null) {
                invalid.add(new FieldProblem(field, "is required"));
                continue;
            }
            int before = invalid.size();
            userRules.name(field + ".name", body.name(), invalid);
            userRules.notReserved(field + ".name", body.name(), reserved);
            String host = UserRules.host(field + ".host", body.host(), invalid);
            if (invalid.size() == before && !seen.add(body.name() + "@" + host)) {
                invalid.add(new FieldProblem(field + ".name", body.name() + "@" + host + " is asked for twice"));
            }
            UserRules.password(field + ".password", body.password(), invalid);
            List<String> databases = new ArrayList<>();
            List<CreateUsersRequest.DatabaseRef> refs = body.databases() == null ? List.of() : body.databases();
            for (int d = 0; d < refs.size(); d++) {
                String name = refs.get(d) == null ? null : refs.get(d).name();
                databaseRules.name(field + ".databases[" + d + "].name", name, invalid);
                databaseRules.notReserved(field + ".databases[" + d + "].name", name, reserved);
                if (name != null && !databases.contains(name)) {
                    databases.add(name);
                }
            }
            wanted.add(new Wanted(body.name(), host, body.password(), databases));
        }
        raise(invalid, reserved);
        return wanted;
    }

    /** Trove's grant body: at least one database, each well-formed and none the server's own. */
    static List<String> databaseNames(String field, List<CreateUsersRequest.DatabaseRef> refs, Naming naming) {
        DatabaseRules databaseRules = new DatabaseRules(naming);
        if (refs == null || refs.isEmpty()) {
            throw ApiException.invalid(field, "at least one database is required");
        }
        List<FieldProblem> invalid = new ArrayList<>();
        List<FieldProblem> reserved = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            String name = refs.get(i) == null ? null : refs.get(i).name();
            databaseRules.name(field + "[" + i + "].name", name, invalid);
            databaseRules.notReserved(field + "[" + i + "].name", name, reserved);
            if (name != null && !names.contains(name)) {
                names.add(name);
            }
        }
        raise(invalid, reserved);
        return names;
    }

    private static void raise(List<FieldProblem> invalid, List<FieldProblem> reserved) {
        if (!invalid.isEmpty()) {
            throw ApiException.invalid(invalid);
        }
        if (!reserved.isEmpty()) {
            throw ApiException.inconsistent(reserved.size() == 1 ? reserved.get(0).field() + ": "
                    + reserved.get(0).message() : reserved.size() + " names are reserved", reserved);
        }
    }
}
