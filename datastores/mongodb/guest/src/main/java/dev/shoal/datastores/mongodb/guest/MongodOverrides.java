package dev.shoal.datastores.mongodb.guest;

import dev.shoal.contracts.guest.AppliedConfiguration;
import dev.shoal.contracts.guest.ConfigurationOverrides;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A configuration group on a mongod: its values are kept beside the node's {@code mongod.conf}, which is written
 * again with them so a restart keeps them, and each is set on the running server where mongod can; the connection
 * limit, read only at start, is reported as needing a restart. Running values are read back from the server.
 */
final class MongodOverrides {

    private final Path file;

    MongodOverrides(Path nodeDir) {
        this.file = nodeDir.resolve("overrides.properties");
    }

    Map<String, String> written() throws IOException {
        Properties values = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                values.load(reader);
            }
        }
        Map<String, String> written = new TreeMap<>();
        values.stringPropertyNames().forEach(name -> written.put(name, values.getProperty(name)));
        return written;
    }

    void write(Map<String, String> values) throws IOException {
        Properties properties = new Properties();
        properties.putAll(values);
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, "the configuration group mongod.conf was last written with");
        }
    }

    /**
     * @param before what the file held before this change: a start-only value that differs from it waits for a
     *               restart
     */
    AppliedConfiguration apply(ConfigurationOverrides overrides, Map<String, String> before, MongodAdmin admin) {
        List<String> restartRequired = new ArrayList<>();
        Map<String, String> running = new TreeMap<>();
        for (String name : overrides.managed()) {
            Optional<MongoParameter> known = MongoParameter.of(name);
            if (known.isEmpty()) {
                continue;
            }
            MongoParameter parameter = known.get();
            String desired = overrides.values().get(name);
            if (!parameter.isLive()) {
                if (!Objects.equals(desired, before.get(name))) {
                    restartRequired.add(name);
                }
            } else {
                String wanted = desired == null ? parameter.defaultValue() : desired;
                if (!same(parameter, wanted, read(admin, parameter))) {
                    admin.run(parameter.setCommand(wanted));
                }
            }
            running.put(name, read(admin, parameter));
        }
        return new AppliedConfiguration(restartRequired, running);
    }

    private static String read(MongodAdmin admin, MongoParameter parameter) {
        return parameter.running(admin.run(parameter.readCommand()));
    }

    static boolean same(MongoParameter parameter, String wanted, String running) {
        return running != null && parameter.typed(wanted).equals(parameter.typed(running));
    }
}
