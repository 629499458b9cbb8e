package dev.shoal.datastores.mysql.guest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the MariaDB server and its install script are: a configured binary first, then the PATH
 * (and the sbin directories Debian keeps servers in), then a MariaDB distribution directory.
 *
 * @param basedir the distribution directory when the binaries come from one (install-db and the
 *                server need it to find {@code share/})
 */
record MariadbBinaries(Path mariadbd, Path installDb, Optional<Path> basedir, String origin) {

    static final String NOT_FOUND = "no mariadbd found: install MariaDB (apt-get install mariadb-server), "
            + "or set mysql.mariadbd to the server binary, or mysql.basedir to a MariaDB distribution directory";

    static MariadbBinaries locate(Optional<Path> configured, Optional<Path> distribution, String pathVariable) {
        if (configured.isPresent()) {
            Path server = configured.get();
            if (!Files.isExecutable(server)) {
                throw new IllegalStateException("mysql.mariadbd " + server + " is not an executable file");
            }
            Optional<MariadbBinaries> distributionOfServer = distribution(server.toAbsolutePath().getParent()
                    .getParent(), "configured distribution (mysql.mariadbd)");
            if (distributionOfServer.isPresent()) {
                return distributionOfServer.get();
            }
            Path installDb = sibling(server).or(() -> onPath("mariadb-install-db", pathVariable))
                    .orElseThrow(() -> new IllegalStateException(
                            "mariadb-install-db not found beside " + server + " nor on the PATH"));
            return new MariadbBinaries(server, installDb, Optional.empty(), "configured (mysql.mariadbd)");
        }
        Optional<Path> server = onPath("mariadbd", pathVariable);
        Optional<Path> installDb = onPath("mariadb-install-db", pathVariable);
        if (server.isPresent() && installDb.isPresent()) {
            return new MariadbBinaries(server.get(), installDb.get(), Optional.empty(), "installed");
        }
        if (distribution.isPresent()) {
            return distribution(distribution.get(), "distribution (mysql.basedir)").orElseThrow(() ->
                    new IllegalStateException("mysql.basedir " + distribution.get()
                            + " holds no bin/mariadbd and mariadb-install-db"));
        }
        throw new IllegalStateException(NOT_FOUND);
    }

    /**
     * A client program of the same MariaDB as the server ({@code mariadb}, {@code mariadb-dump}): from its
     * distribution, beside it, or on the PATH.
     */
    Path client(String name) {
        return basedir.map(base -> base.resolve("bin").resolve(name)).filter(Files::isExecutable)
                .or(() -> Optional.of(mariadbd.resolveSibling(name)).filter(Files::isExecutable))
                .or(() -> onPath(name, System.getenv("PATH")))
                .orElseThrow(() -> new IllegalStateException(name + " not found beside " + mariadbd
                        + " nor on the PATH"));
    }

    /** A MariaDB distribution directory: its server and install script need it as their base directory. */
    private static Optional<MariadbBinaries> distribution(Path base, String origin) {
        if (base == null || !Files.isDirectory(base.resolve("share"))) {
            return Optional.empty();
        }
        Path server = base.resolve("bin/mariadbd");
        Path install = Files.isExecutable(base.resolve("scripts/mariadb-install-db"))
                ? base.resolve("scripts/mariadb-install-db") : base.resolve("bin/mariadb-install-db");
        return Files.isExecutable(server) && Files.isExecutable(install)
                ? Optional.of(new MariadbBinaries(server, install, Optional.of(base), origin)) : Optional.empty();
    }

    private static Optional<Path> sibling(Path server) {
        Path candidate = server.resolveSibling("mariadb-install-db");
        return Files.isExecutable(candidate) ? Optional.of(candidate) : Optional.empty();
    }

    static Optional<Path> onPath(String name, String pathVariable) {
        List<String> dirs = new ArrayList<>(List.of(pathVariable == null ? new String[0] : pathVariable.split(":")));
        dirs.addAll(List.of("/usr/sbin", "/usr/local/sbin", "/usr/bin"));
        return dirs.stream()
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
