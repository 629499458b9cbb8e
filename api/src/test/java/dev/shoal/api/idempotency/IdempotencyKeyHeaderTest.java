package dev.shoal.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.api.system.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyHeaderTest {

    @Test
    void aRequestWithoutTheHeaderHasNoKey() {
        assertThat(IdempotencyKeyHeader.read(List.of())).isEmpty();
    }

    @Test
    void readsABareKey() {
        assertThat(IdempotencyKeyHeader.read(List.of("8e03978e-40d5-43e8-bc93-6894a57f9324")))
                .contains("8e03978e-40d5-43e8-bc93-6894a57f9324");
    }

    @Test
    void readsTheDraftsStructuredFieldString() {
        assertThat(IdempotencyKeyHeader.read(List.of("\"8e03978e-40d5-43e8-bc93-6894a57f9324\"")))
                .contains("8e03978e-40d5-43e8-bc93-6894a57f9324");
        assertThat(IdempotencyKeyHeader.read(List.of("\"a \\\"quoted\\\" \\\\ key\""))).contains("a \"quoted\" \\ key");
    }

    @Test
    void takesAKeyOfExactlyTheColumnsSize() {
        assertThat(IdempotencyKeyHeader.read(List.of("k".repeat(255)))).contains("k".repeat(255));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\"\"", "\"unterminated", "\"bare \" quote\"", "\"bad \\n escape\"", "tab\there",
            "nul\u0000", "del\u007f", "bell\u0007", "caf\u00e9", "\u2028"})
    void refusesAMalformedKeyNamingTheHeader(String value) {
        assertThatThrownBy(() -> IdempotencyKeyHeader.read(List.of(value))).isInstanceOfSatisfying(
                ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.fields()).extracting(ApiException.FieldProblem::field)
                            .containsExactly("Idempotency-Key");
                });
    }

    @Test
    void refusesAKeyLongerThanItsColumn() {
        assertThatThrownBy(() -> IdempotencyKeyHeader.read(List.of("k".repeat(256))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("Idempotency-Key: must be 1 to 255 printable ASCII characters"));
    }

    @Test
    void refusesTheHeaderSentTwice() {
        assertThatThrownBy(() -> IdempotencyKeyHeader.read(List.of("a", "b")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("Idempotency-Key: must be sent once"));
    }
}
