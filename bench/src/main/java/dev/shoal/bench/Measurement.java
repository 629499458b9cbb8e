package dev.shoal.bench;

import java.util.function.DoublePredicate;

/**
 * A figure beside its floor, both from the same run.
 *
 * @param figure     what was measured, e.g. {@code P3 GET /v1.0/{t}/instances/{id} req/s}
 * @param value      the figure
 * @param unit       of both value and floor
 * @param floor      what the figure is compared with, or null where there is none
 * @param floorValue the floor's value; NaN without a floor
 * @param ratio      how the figure compares with its floor as the goal reads it; NaN without a floor
 * @param goal       the goal in words, e.g. {@code >= 0.5}
 * @param met        whether the goal was met; null where the figure is only reported
 */
public record Measurement(String figure, double value, String unit, String floor, double floorValue, double ratio,
                          String goal, Boolean met) {

    /** A figure measured against a floor: the ratio is value / floor. */
    public static Measurement againstFloor(String figure, double value, String unit, String floor, double floorValue,
                                           String goal, DoublePredicate meetsGoal) {
        double ratio = floorValue == 0 ? Double.NaN : value / floorValue;
        return new Measurement(figure, value, unit, floor, floorValue, ratio, goal, meetsGoal.test(ratio));
    }

    /** A figure with a goal of its own (a latency bound), no floor. */
    public static Measurement withGoal(String figure, double value, String unit, String goal, boolean met) {
        return new Measurement(figure, value, unit, null, Double.NaN, Double.NaN, goal, met);
    }

    /** Reported only: no floor, no goal. */
    public static Measurement reported(String figure, double value, String unit) {
        return new Measurement(figure, value, unit, null, Double.NaN, Double.NaN, null, null);
    }

    /** A figure that could not be measured: its line says why. */
    public static Measurement failed(String figure, String why) {
        return new Measurement(figure + ": " + why, Double.NaN, "", null, Double.NaN, Double.NaN, "measured", false);
    }
}
