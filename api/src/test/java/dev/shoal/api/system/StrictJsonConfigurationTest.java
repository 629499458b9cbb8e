package dev.shoal.api.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonConfigurationTest {

    private static final JsonMapper STRICT = StrictJsonConfiguration.strict(JsonMapper.builder().build());

    @JsonIgnoreProperties("nics")
    record Body(String name, Integer size, Boolean flag,
                @JsonProperty("flavorRef") @JsonDeserialize(using = FlavorReference.class) String flavorRef) {
    }

    @Test
    void readsABodyAsWritten() {
        Body body = STRICT.readValue("{\"name\": \"db\", \"size\": 2, \"flag\": true, \"flavorRef\": \"1\"}",
                Body.class);

        assertThat(body).isEqualTo(new Body("db", 2, true, "1"));
    }

    @Test
    void refusesANumberOrABooleanForAString() {
        assertThatThrownBy(() -> STRICT.readValue("{\"name\": 5}", Body.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> STRICT.readValue("{\"name\": true}", Body.class))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void refusesAFractionOrABooleanOrAnOverflowForAnInteger() {
        assertThatThrownBy(() -> STRICT.readValue("{\"size\": 1.9}", Body.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> STRICT.readValue("{\"size\": true}", Body.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> STRICT.readValue("{\"size\": 9223372036854775808}", Body.class))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void refusesANumberForABoolean() {
        assertThatThrownBy(() -> STRICT.readValue("{\"flag\": 1}", Body.class)).isInstanceOf(JacksonException.class);
    }

    @Test
    void refusesAnUnknownMemberButNotOneTheRecordIgnores() {
        assertThatThrownBy(() -> STRICT.readValue("{\"colour\": \"red\"}", Body.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
        assertThat(STRICT.readValue("{\"name\": \"db\", \"nics\": [{\"net-id\": \"n\"}]}", Body.class).name())
                .isEqualTo("db");
    }

    @Test
    void takesAFlavorAsAStringOrAnIntegerOnly() {
        assertThat(STRICT.readValue("{\"flavorRef\": 7}", Body.class).flavorRef()).isEqualTo("7");
        assertThatThrownBy(() -> STRICT.readValue("{\"flavorRef\": 7.5}", Body.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> STRICT.readValue("{\"flavorRef\": {}}", Body.class))
                .isInstanceOf(JacksonException.class);
    }
}
