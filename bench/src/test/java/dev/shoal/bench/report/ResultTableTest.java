package dev.shoal.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.bench.Measurement;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    @Test
    void linesUpEachFigureBesideItsFloorRatioAndGoal() {
        String table = ResultTable.format(List.of(
                Measurement.againstFloor("P3 read", 600, "req/s", "info", 1000, ">= 0.5", r -> r >= 0.5),
                Measurement.reported("Memory", 512.25, "MiB")));

        List<String> lines = table.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines).allSatisfy(line -> assertThat(line).hasSize(lines.get(0).length()));
        assertThat(lines.get(2)).contains("600 req/s", "1000 req/s", "0.60", ">= 0.5", "yes");
        assertThat(lines.get(3)).contains("512 MiB");
    }

    @Test
    void saysNoWhereAGoalIsMissed() {
        String table = ResultTable.format(List.of(
                Measurement.withGoal("p99", 31.5, "ms", "< 20 ms", false)));

        assertThat(table).contains("31.5 ms", "NO");
    }

    @Test
    void keepsThreeSignificantFiguresWithoutExponents() {
        assertThat(ResultTable.number(1234.56)).isEqualTo("1235");
        assertThat(ResultTable.number(56.78)).isEqualTo("56.8");
        assertThat(ResultTable.number(1.234)).isEqualTo("1.23");
        assertThat(ResultTable.number(0.01234)).isEqualTo("0.012");
        assertThat(ResultTable.number(Double.NaN)).isEqualTo("-");
    }
}
