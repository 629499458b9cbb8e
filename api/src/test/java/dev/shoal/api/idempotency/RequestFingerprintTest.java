package dev.shoal.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    private static final String PATH = "/v1.0/t/configurations";

    @Test
    void isTheSha256OfMethodPathAndBody() {
        // printf 'POST\n/v1.0/t/configurations\n{}' | sha256sum
        assertThat(RequestFingerprint.of("POST", PATH, bytes("{}")))
                .isEqualTo("dc034a385fc9a59cb6c8a58b349b7c501e627c9456eb6f850b3bc26c20d90410")
                .hasSize(64);
    }

    @Test
    void theSameRequestHasTheSameFingerprint() {
        assertThat(RequestFingerprint.of("POST", PATH, bytes("{\"a\": 1}")))
                .isEqualTo(RequestFingerprint.of("POST", PATH, bytes("{\"a\": 1}")));
    }

    @Test
    void differsWithTheMethodThePathTheQueryOrTheBody() {
        String first = RequestFingerprint.of("POST", PATH, bytes("{\"a\": 1}"));

        assertThat(RequestFingerprint.of("PUT", PATH, bytes("{\"a\": 1}"))).isNotEqualTo(first);
        assertThat(RequestFingerprint.of("POST", PATH + "/x", bytes("{\"a\": 1}"))).isNotEqualTo(first);
        assertThat(RequestFingerprint.of("POST", RequestFingerprint.pathAndQuery(PATH, "limit=1"), bytes("{\"a\": 1}")))
                .isNotEqualTo(first);
        assertThat(RequestFingerprint.of("POST", PATH, bytes("{\"a\": 2}"))).isNotEqualTo(first);
        // bytes as sent: a client that re-serialises its body differently sends another request
        assertThat(RequestFingerprint.of("POST", PATH, bytes("{\"a\":1}"))).isNotEqualTo(first);
    }

    @Test
    void aPathCannotRunIntoTheBody() {
        assertThat(RequestFingerprint.of("POST", "/a", bytes("b")))
                .isNotEqualTo(RequestFingerprint.of("POST", "/ab", bytes("")));
    }

    @Test
    void keepsTheQueryAsSent() {
        assertThat(RequestFingerprint.pathAndQuery(PATH, null)).isEqualTo(PATH);
        assertThat(RequestFingerprint.pathAndQuery(PATH, "a=%20")).isEqualTo(PATH + "?a=%20");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
