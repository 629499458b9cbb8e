package dev.shoal.api.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonBodyInspectionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void namesTheFieldHoldingANul() {
        assertThatThrownBy(() -> inspect("{\"users\": [{\"name\": \"ok\"}, {\"host\": \"a\\u0000\"}]}"))
                .isInstanceOf(ApiException.class).hasMessageStartingWith("users[1].host:");
    }

    @Test
    void refusesALineBreakInAName() {
        assertThatThrownBy(() -> inspect("{\"instance\": {\"name\": \"a\\nb\"}}"))
                .hasMessageStartingWith("instance.name:");
    }

    @Test
    void keepsLineBreaksAndTabsInADescription() {
        assertThatCode(() -> inspect("{\"configuration\": {\"description\": \"line\\n\\tnext\\r\"}}"))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesANulEvenInADescription() {
        assertThatThrownBy(() -> inspect("{\"backup\": {\"description\": \"a\\u0000\"}}"))
                .hasMessageStartingWith("backup.description:");
    }

    @Test
    void refusesAControlInAMemberNameOrAMapValue() {
        assertThatThrownBy(() -> inspect("{\"configuration\": {\"values\": {\"max\\u0001\": 1}}}"))
                .hasMessageStartingWith("configuration.values:");
        assertThatThrownBy(() -> inspect("{\"configuration\": {\"values\": {\"sql_mode\": \"\\u001b[2J\"}}}"))
                .hasMessageStartingWith("configuration.values.sql_mode:");
    }

    @Test
    void letsOrdinaryTextThrough() {
        assertThatCode(() -> inspect("{\"instance\": {\"name\": \"db-é 漢字\", \"volume\": {\"size\": 1}}}"))
                .doesNotThrowAnyException();
    }

    private static void inspect(String body) {
        JsonNode tree = JSON.readTree(body);
        JsonBodyInspection.visit(tree, "");
    }
}
