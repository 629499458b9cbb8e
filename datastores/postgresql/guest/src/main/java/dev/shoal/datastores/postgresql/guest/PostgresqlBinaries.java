package dev.shoal.datastores.postgresql.guest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the server of a PostgreSQL major version is: the directory {@code postgresql.<major>.bin} names, else
 * Debian's packages ({@code /usr/lib/postgresql/<major>/bin}), else the binaries Maven Central ships when they are
 * of that major, so that a machine with only a JDK runs the version they are.
 *
 * @param bin    the directory holding {@code postgres} and {@code initdb}
 * @param origin where they were found, for the logs
 */
record PostgresqlBinaries(Path bin, String origin) {

    static final Path DEBIAN = Path.of("/usr/lib/postgresql");
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

    Path postgres() {
        return bin.resolve("postgres");
    }

    Path initdb() {
        return bin.resolve("initdb");
    }

    /** {@code pg_rewind}, which Debian's packages carry and Maven Central's binaries do not. */
    Optional<Path> rewind() {
        return tool("pg_rewind");
    }

    /** {@code pg_basebackup}, which Debian's packages carry and Maven Central's binaries do not. */
    Optional<Path> basebackup() {
        return tool("pg_basebackup");
    }

    private Optional<Path> tool(String name) {
        Path tool = bin.resolve(name);
        return Files.isExecutable(tool) ? Optional.of(tool) : Optional.empty();
    }

    /**
     * @param version    the catalog's version name: a major ({@code 15}) or a release of it ({@code 15.4})
     * @param configured the directory {@code postgresql.<major>.bin} names, if any
     * @param bundle     Maven Central's binaries, unpacked on first use
     */
    static PostgresqlBinaries locate(String version, Optional<Path> configured, Path debianRoot,
                                     PostgresqlBundle bundle) throws IOException, InterruptedException {
        String major = major(version);
        if (configured.isPresent()) {
            Path bin = configured.get();
            if (!Files.isExecutable(bin.resolve("postgres"))) {
                throw new IllegalArgumentException("postgresql." + major + ".bin is " + bin
                        + ", which holds no executable postgres");
            }
            return new PostgresqlBinaries(bin, "postgresql." + major + ".bin");
        }
        Path debian = debianRoot.resolve(major).resolve("bin");
        if (Files.isExecutable(debian.resolve("postgres"))) {
            return new PostgresqlBinaries(debian, "installed");
        }
        Optional<Path> bundled = bundle.bin();
        if (bundled.isPresent() && major.equals(majorOf(bundled.get().resolve("postgres")))) {
            return new PostgresqlBinaries(bundled.get(), "Maven Central");
        }
        throw new IllegalStateException("PostgreSQL " + major + " is not installed here: there is no " + debian
                + (bundled.isPresent() ? ", Maven Central's binaries are PostgreSQL "
                        + majorOf(bundled.get().resolve("postgres")) : "")
                + ", and postgresql." + major + ".bin names no other directory");
    }

    static String major(String version) {
        if (version == null || !version.matches("\\d+(\\.\\d+)*")) {
            throw new IllegalArgumentException("PostgreSQL versions are numbers such as 15 or 18.1, not '"
                    + version + "'");
        }
        return version.split("\\.")[0];
    }

    /** The major version {@code postgres --version} says, e.g. {@code postgres (PostgreSQL) 18.1} gives 18. */
    static String majorOf(Path postgres) throws IOException, InterruptedException {
        return parseMajor(PostgresqlCommand.output(List.of(postgres.toString(), "--version"), Duration.ofSeconds(30)));
    }

    static String parseMajor(String versionLine) {
        Matcher matcher = VERSION.matcher(versionLine);
        if (!matcher.find()) {
            throw new IllegalStateException("not a PostgreSQL version: " + versionLine);
        }
        return matcher.group(1);
    }
}
