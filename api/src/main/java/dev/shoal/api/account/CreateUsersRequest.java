package dev.shoal.api.account;

import java.util.List;

/** Trove's body: {@code {"users": [{"name", "password", "host", "databases": [{"name"}]}]}}. */
record CreateUsersRequest(List<Body> users) {

    record Body(String name, String password, String host, List<DatabaseRef> databases) {

        @Override
        public String toString() {
            return "Body[" + name + "@" + host + ", databases=" + databases + "]";
        }
    }

    /** Also Trove's grant body: {@code {"databases": [{"name"}]}}. */
    record DatabaseRef(String name) {
    }

    record Grant(List<DatabaseRef> databases) {
    }
}
