package dev.shoal.datastores.postgresql.guest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who runs the server. PostgreSQL refuses to run as root, so an agent running as root hands initdb and postgres to an
 * unprivileged user of their own ({@code shoal-pg} unless {@code postgresql.os-user} names another), created on first
 * need, who owns the data directory; an agent running as anyone else runs them as itself.
 */
final class PostgresqlOsUser {

    static final String DEFAULT = "shoal-pg";
    /** useradd's exit code when the user exists: another node's agent made it meanwhile. */
    private static final int USERADD_EXISTS = 9;

    private final Optional<String> name;
    private volatile boolean exists;

    private PostgresqlOsUser(Optional<String> name) {
        this.name = name;
    }

    static PostgresqlOsUser forAgent(Optional<String> configured) {
        if (!"root".equals(System.getProperty("user.name"))) {
            return agent();
        }
        String user = configured.orElse(DEFAULT);
        if (user.equals("root")) {
            throw new IllegalArgumentException("postgresql.os-user may not be root: PostgreSQL refuses to run as root");
        }
        return new PostgresqlOsUser(Optional.of(user));
    }

    /** The agent's own user, for the files only it reads. */
    static PostgresqlOsUser agent() {
        return new PostgresqlOsUser(Optional.empty());
    }

    /** {@code command} as the server's user runs it: setpriv executes it in place, so its pid is the server's. */
    List<String> command(List<String> command) throws IOException, InterruptedException {
        if (name.isEmpty()) {
            return command;
        }
        ensureExists();
        List<String> dropped = new ArrayList<>(List.of("setpriv", "--reuid=" + name.get(), "--regid=" + name.get(),
                "--init-groups", "--reset-env", "--"));
        dropped.addAll(command);
        return dropped;
    }

    /** Gives {@code path} to the server's user, which must own its data directory and read what it is given. */
    void own(Path path) throws IOException {
        if (name.isEmpty()) {
            return;
        }
        try {
            ensureExists();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the user " + name.get(), e);
        }
        UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        view.setOwner(users.lookupPrincipalByName(name.get()));
        view.setGroup(users.lookupPrincipalByGroupName(name.get()));
    }

    /** The server's user, for messages. */
    String name() {
        return name.orElse(System.getProperty("user.name"));
    }

    /** Whether the server runs as another user than the agent, who must then be let through the node directory. */
    boolean isSeparate() {
        return name.isPresent();
    }

    private void ensureExists() throws IOException, InterruptedException {
        if (exists) {
            return;
        }
        String user = name.orElseThrow();
        Process id = new ProcessBuilder("id", "-u", user).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (id.waitFor() != 0) {
            Process add = new ProcessBuilder("useradd", "--system", "--user-group", "--no-create-home",
                    "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", user).redirectErrorStream(true)
                    .start();
            String out = new String(add.getInputStream().readAllBytes()).strip();
            int exit = add.waitFor();
            if (exit != 0 && exit != USERADD_EXISTS) {
                throw new IOException("could not create the user " + user + " that runs PostgreSQL (useradd exit "
                        + exit + "): " + out);
            }
        }
        exists = true;
    }
}
