package dev.shoal.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Shoal's control plane as child JVMs: the standalone jar, or the api, task manager and conductor jars side by
 * side against one PostgreSQL and one broker. Tests stop it cleanly or kill it, start it again, and wait until the
 * api reports itself ready ({@code /actuator/health/readiness}). Nodes it started outlive it by design.
 */
public final class ControlPlane implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<ServiceProcess> services;
    private final List<Integer> apiPorts;

    private ControlPlane(List<ServiceProcess> services, List<Integer> apiPorts) {
        this.services = List.copyOf(services);
        this.apiPorts = List.copyOf(apiPorts);
    }

    /**
     * @param environment the services' settings ({@code SHOAL_HOME}, intervals...); the HTTP port is added
     */
    public static ControlPlane standalone(Path jar, List<String> jvmOptions, Map<String, String> environment,
                                          Path logDir) {
        int port = freePort();
        Map<String, String> env = new HashMap<>(environment);
        env.put("SHOAL_PORT", Integer.toString(port));
        return new ControlPlane(List.of(new ServiceProcess("standalone", jar, jvmOptions, env,
                logDir.resolve("standalone.log"))), List.of(port));
    }

    /**
     * The three services of a split deployment, each with its own HTTP port.
     *
     * @param jars the api's, the task manager's and the conductor's jar, in that order
     */
    public static ControlPlane split(List<Path> jars, List<String> jvmOptions, Map<String, String> environment,
                                     Path logDir) {
        return split(jars, 1, 1, 1, jvmOptions, environment, logDir);
    }

    /**
     * The same with several task managers, which share the tasks by lease: the api first, then the task managers
     * ({@code taskmanager-1}, {@code taskmanager-2}...), then the conductor.
     */
    public static ControlPlane split(List<Path> jars, int taskManagers, List<String> jvmOptions,
                                     Map<String, String> environment, Path logDir) {
        return split(jars, 1, taskManagers, 1, jvmOptions, environment, logDir);
    }

    /**
     * Several processes of each service against one PostgreSQL and one broker, as a deployment that survives the loss
     * of any one runs them: the apis first ({@code api-1}...), then the task managers, then the conductors.
     */
    public static ControlPlane split(List<Path> jars, int apis, int taskManagers, int conductors,
                                     List<String> jvmOptions, Map<String, String> environment, Path logDir) {
        if (jars.size() != 3) {
            throw new IllegalArgumentException("the api, task manager and conductor jars, in that order");
        }
        List<Integer> apiPorts = new ArrayList<>();
        List<ServiceProcess> services = new ArrayList<>();
        for (int i = 1; i <= apis; i++) {
            int port = freePort();
            apiPorts.add(port);
            services.add(service(name("api", i, apis), jars.get(0), jvmOptions, environment, logDir,
                    env -> env.put("SHOAL_PORT", Integer.toString(port))));
        }
        for (int i = 1; i <= taskManagers; i++) {
            services.add(service(name("taskmanager", i, taskManagers), jars.get(1), jvmOptions, environment, logDir,
                    env -> env.put("SHOAL_TASKMANAGER_PORT", Integer.toString(freePort()))));
        }
        for (int i = 1; i <= conductors; i++) {
            services.add(service(name("conductor", i, conductors), jars.get(2), jvmOptions, environment, logDir,
                    env -> env.put("SHOAL_CONDUCTOR_PORT", Integer.toString(freePort()))));
        }
        return new ControlPlane(services, apiPorts);
    }

    private static String name(String service, int number, int of) {
        return of == 1 ? service : service + "-" + number;
    }

    private static ServiceProcess service(String name, Path jar, List<String> jvmOptions,
                                          Map<String, String> environment, Path logDir,
                                          Consumer<Map<String, String>> port) {
        Map<String, String> env = new HashMap<>(environment);
        env.putIfAbsent("SHOAL_SECRETS_KEY", TestServices.SECRETS_KEY);
        port.accept(env);
        return new ServiceProcess(name, jar, jvmOptions, env, logDir.resolve(name + ".log"));
    }

    public ControlPlane start() {
        services.forEach(ServiceProcess::start);
        return this;
    }

    /** Every service at once, each stopped cleanly. */
    public void stop() {
        services.forEach(ServiceProcess::terminate);
        services.forEach(ServiceProcess::stop);
    }

    public void kill() {
        services.forEach(ServiceProcess::kill);
    }

    public List<ServiceProcess> services() {
        return services;
    }

    /** The first api's address; readiness is asked of it. */
    public String apiUrl() {
        return apiUrls().get(0);
    }

    public List<String> apiUrls() {
        return apiPorts.stream().map(port -> "http://127.0.0.1:" + port).toList();
    }

    /** The service of this name ({@code api-2}, {@code taskmanager-1}...). */
    public ServiceProcess service(String name) {
        return services.stream().filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    /**
     * Waits until the api answers its readiness probe with 200, failing early when a service exits.
     *
     * @return how long it took
     */
    public Duration awaitReady(Duration timeout) {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (ServiceProcess service : services) {
                if (!service.isAlive()) {
                    throw new IllegalStateException(service.name() + " exited; its log: " + tail(service.log()));
                }
            }
            if (ready()) {
                return Duration.between(start, Instant.now());
            }
            pause();
        }
        throw new IllegalStateException("the api was not ready within " + timeout.toSeconds() + " s; "
                + services.get(0).name() + " log: " + tail(services.get(0).log()));
    }

    private boolean ready() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The last lines of a log, for a failure message. */
    public static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }

    /** Kills whatever still runs: a failed test must not leave services behind. */
    @Override
    public void close() {
        services.forEach(ServiceProcess::kill);
    }
}
