package dev.shoal.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What the figures ran on: they only compare within one run, but a reader compares runs too.
 *
 * @param memoryGib total memory from /proc/meminfo
 * @param commit    the checkout's {@code git rev-parse HEAD}, "unknown" outside a checkout
 */
public record Machine(int cores, double memoryGib, String cpu, String javaVersion, String commit) {

    public static Machine describe(Path repository) {
        return new Machine(Runtime.getRuntime().availableProcessors(), readMemoryGib(), readCpu(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), readCommit(repository));
    }

    private static double readMemoryGib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / (1024.0 * 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: unknown
        }
        return Double.NaN;
    }

    private static String readCpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            // not Linux: unknown
        }
        return "unknown";
    }

    private static String readCommit(Path repository) {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").directory(repository.toFile())
                    .redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes()).strip();
            return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** One line for the table's heading and the README. */
    public String summary() {
        return String.format("%d cores (%s), %.0f GiB, %s, commit %s", cores, cpu, memoryGib, javaVersion,
                commit.length() > 12 ? commit.substring(0, 12) : commit);
    }
}
