package dev.shoal.datastores.cassandra.guest;

import dev.shoal.contracts.guest.AppliedConfiguration;
import dev.shoal.contracts.guest.ConfigurationOverrides;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.management.Attribute;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;

/**
 * A configuration group on a Cassandra node: the values go to the end of its cassandra.yaml, so a restart keeps
 * them, and what StorageService can change at run time is set over JMX at once; the rest is reported as needing a
 * restart. Running values are read from the server itself (StorageService's getters, the stages' pool sizes).
 */
final class CassandraOverrides {

    private final Path yaml;

    CassandraOverrides(Path nodeDir) {
        this.yaml = nodeDir.resolve("cassandra.yaml");
    }

    AppliedConfiguration apply(ConfigurationOverrides overrides, CassandraJmx jmx) throws IOException, JMException {
        String current = Files.readString(yaml);
        Map<String, String> written = CassandraOverridesYaml.values(current);
        write(CassandraOverridesYaml.render(current, overrides.values()));
        return jmx.withStorageService((server, storageService) -> {
            List<String> restartRequired = new ArrayList<>();
            for (String name : overrides.managed()) {
                String desired = overrides.values().get(name);
                Optional<CassandraParameter> known = CassandraParameter.of(name);
                if (known.isEmpty()) {
                    // nothing to read it back from: a value that changed in the file waits for a restart
                    if (!Objects.equals(desired, written.get(name))) {
                        restartRequired.add(name);
                    }
                    continue;
                }
                CassandraParameter parameter = known.get();
                String wanted = desired == null ? parameter.defaultValue() : desired;
                if (same(wanted, running(server, storageService, parameter))) {
                    continue;
                }
                if (parameter.isLive()) {
                    set(server, storageService, parameter, wanted);
                } else {
                    restartRequired.add(name);
                }
            }
            Map<String, String> running = new TreeMap<>();
            for (String name : overrides.managed()) {
                Optional<CassandraParameter> known = CassandraParameter.of(name);
                if (known.isPresent()) {
                    running.put(name, running(server, storageService, known.get()));
                }
            }
            return new AppliedConfiguration(restartRequired, running);
        });
    }

    private void write(String content) throws IOException {
        Path partial = yaml.resolveSibling(yaml.getFileName() + ".part");
        Files.writeString(partial, content);
        Files.move(partial, yaml, StandardCopyOption.ATOMIC_MOVE);
    }

    /** What the server uses now: the attribute a live setting is changed through, or the stage's pool size. */
    static String running(MBeanServerConnection server, ObjectName storageService, CassandraParameter parameter)
            throws IOException, JMException {
        if (parameter.isLive()) {
            return String.valueOf(server.getAttribute(storageService, parameter.liveAttribute()));
        }
        @SuppressWarnings("unchecked")
        Map<String, List<Integer>> pools = (Map<String, List<Integer>>) server.invoke(storageService,
                "getConcurrency", new Object[] {List.of(parameter.stage())}, new String[] {List.class.getName()});
        List<Integer> sizes = pools.get(parameter.stage());
        // [core, maximum]: the maximum is the number of threads the setting allows
        return sizes == null || sizes.size() < 2 ? null : sizes.get(1).toString();
    }

    /** The attribute is int or long depending on the setting: the current value tells which. */
    private static void set(MBeanServerConnection server, ObjectName storageService, CassandraParameter parameter,
                            String value) throws IOException, JMException {
        Object current = server.getAttribute(storageService, parameter.liveAttribute());
        Object typed = current instanceof Long ? (Object) Long.valueOf(value.strip())
                : (Object) Integer.valueOf(value.strip());
        server.setAttribute(storageService, new Attribute(parameter.liveAttribute(), typed));
    }

    static boolean same(String wanted, String running) {
        if (running == null) {
            return false;
        }
        try {
            return Double.parseDouble(wanted.strip()) == Double.parseDouble(running.strip());
        } catch (NumberFormatException notNumbers) {
            return wanted.strip().toLowerCase(Locale.ROOT).equals(running.strip().toLowerCase(Locale.ROOT));
        }
    }
}
