package dev.shoal.testsupport.keystone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The unmodified {@code openstack} client with ordinary password authentication at a Keystone, as a cloud's user runs
 * it: it finds Shoal through the catalog. None of the caller's {@code OS_} environment reaches it.
 */
public final class OpenstackCli {

    private static final long TIMEOUT_SECONDS = 120;

    private final String keystoneUrl;
    private final String user;
    private final String password;
    private final String project;

    public OpenstackCli(KeystoneServer keystone, String user, String password, String project) {
        this.keystoneUrl = keystone.url() + "/v3";
        this.user = user;
        this.password = password;
        this.project = project;
    }

    /**
     * @return its standard output
     * @throws IllegalStateException when it fails, with its standard error, or runs past two minutes
     */
    public String run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("openstack", "--os-auth-url", keystoneUrl,
                "--os-username", user, "--os-password", password, "--os-project-name", project,
                "--os-user-domain-name", "Default", "--os-project-domain-name", "Default",
                "--os-identity-api-version", "3", "--os-region-name", "RegionOne"));
        line.addAll(List.of(command));
        Path out = Files.createTempFile("openstack", ".out");
        Path err = Files.createTempFile("openstack", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(line).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("OS_"));
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException("openstack " + String.join(" ", command) + " took over "
                        + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("openstack " + String.join(" ", command) + " failed: "
                        + Files.readString(err) + Files.readString(out));
            }
            return Files.readString(out);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
