package dev.shoal.bench;

import java.util.List;

/**
 * One line (or a few) of the bench's table: what it measures against the standalone of the run, each figure beside
 * a floor measured in the same run where one exists. Adding a figure is one class and its line in {@link Figures}.
 */
public interface Figure {

    /** Short and stable: what {@code BENCH_ONLY} names and the JSON groups by, e.g. {@code P3}. */
    String name();

    /**
     * @throws Exception when the figure could not be measured at all; a missed goal is a measurement, not an error
     */
    List<Measurement> run(BenchContext context) throws Exception;
}
