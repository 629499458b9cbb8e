package dev.shoal.api.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.api.system.ApiException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A log action as Trove's clients send it: flags as 1 or true, the name checked, no contradiction. */
class LogActionRequestTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void flagsAreOnesOrTruesAndNoneIsAShow() {
        LogActionRequest.Asked asked = parse("{\"name\": \"slow_query\", \"enable\": 1, \"publish\": true}");

        assertThat(asked.enable()).isTrue();
        assertThat(asked.publish()).isTrue();
        assertThat(asked.disable()).isFalse();
        assertThat(parse("{\"name\": \"error\", \"discard\": 0}").onlyShown()).isTrue();
    }

    @Test
    void aMissingOrMalformedFieldIsNamed() {
        assertRefused("{\"enable\": 1}", "name");
        assertRefused("{\"name\": \"../etc/passwd\"}", "name");
        assertRefused("{\"name\": \"error\", \"publish\": 2}", "publish");
        assertRefused("{\"name\": \"error\", \"publish\": 9223372036854775808}", "publish");
        assertRefused("{\"name\": \"error\", \"disable\": \"yes\"}", "disable");
        assertRefused("{\"name\": \"error\", \"enable\": 1, \"disable\": 1}", "enable");
    }

    private LogActionRequest.Asked parse(String body) {
        return json.readValue(body, LogActionRequest.class).validated();
    }

    private void assertRefused(String body, String field) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).fields()).extracting(ApiException.FieldProblem::field)
                        .contains(field));
    }
}
