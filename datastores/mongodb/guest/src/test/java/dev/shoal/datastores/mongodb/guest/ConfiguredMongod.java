package dev.shoal.datastores.mongodb.guest;

import java.util.Optional;

/** The real mongod the integration tests run, given by {@code -Dshoal.mongod} or {@code SHOAL_MONGOD}. */
final class ConfiguredMongod {

    private ConfiguredMongod() {
    }

    static Optional<String> path() {
        return Optional.ofNullable(System.getProperty("shoal.mongod")).or(() -> Optional.ofNullable(
                System.getenv("SHOAL_MONGOD"))).map(String::trim).filter(s -> !s.isEmpty());
    }
}
