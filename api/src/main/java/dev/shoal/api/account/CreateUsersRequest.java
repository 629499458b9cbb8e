package dev.shoal.api.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Trove's body: {@code {"users": [{"name", "password", "host", "databases": [{"name"}]}]}}. */
record CreateUsersRequest(List<Body> users) {

    @Schema(name = "CreateUserBody")
    record Body(String name, String password, String host, List<DatabaseRef> databases) {

        @Override
        public String toString() {
            return "Body[" + name + "@" + host + ", databases=" + databases + "]";
        }
    }

    /** Also Trove's grant body: {@code {"databases": [{"name"}]}}. */
    record DatabaseRef(String name) {
    }

    @Schema(name = "GrantDatabasesRequest")
    record Grant(List<DatabaseRef> databases) {
    }
}
