package dev.shoal.api.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RequestInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"/v1.0/t/instances/1/users/../databases/db", "/v1.0/t/instances/1/users/%2e%2E/x",
            "/v1.0/t/instances/./x", "/v1.0/t/instances;jsessionid=1", "/v1.0/t/instances/a%2Fb",
            "/v1.0/t/instances/a%5cb", "/v1.0/t/instances/a%00b", "/v1.0/t/instances/a%1Fb", "/v1.0/t/a%zz",
            "/v1.0/t/instances/a%7F"})
    void refusesPathsThatCouldResolveElsewhereOrHoldControls(String path) {
        assertThatThrownBy(() -> RequestInput.checkPath(path)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status().value()).isEqualTo(400));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1.0/t/instances/1/users/u%40192%2e168%2e0%2e1", "/v1.0/t/instances/1/users/u%25",
            "/v1.0/t/datastores/mysql/versions/10.11", "/v1.0/t/instances/a+b", "/"})
    void letsTroveClientPathsThrough(String path) {
        assertThatCode(() -> RequestInput.checkPath(path)).doesNotThrowAnyException();
    }

    @Test
    void namesTheQueryParameterHoldingAControl() {
        assertThatThrownBy(() -> RequestInput.checkQuery("limit=1&datastore=%00"))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.fields()).extracting(ApiException.FieldProblem::field)
                                .containsExactly("datastore"));
    }

    @Test
    void refusesAQueryThatDoesNotDecode() {
        assertThatThrownBy(() -> RequestInput.checkQuery("marker=%zz")).isInstanceOf(ApiException.class);
    }

    @Test
    void letsAnOrdinaryQueryThrough() {
        assertThatCode(() -> RequestInput.checkQuery("limit=10&marker=abc&include_clustered=true"))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x",
            "not a type", ""})
    void refusesBodiesNotLabelledJsonWith415(String contentType) {
        assertThatThrownBy(() -> RequestInput.checkBody("POST", contentType, true))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(415));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "application/merge-patch+json"})
    void acceptsJsonBodies(String contentType) {
        assertThatCode(() -> RequestInput.checkBody("PATCH", contentType, true)).doesNotThrowAnyException();
    }

    @Test
    void ignoresTheLabelOfAnAbsentBody() {
        assertThatCode(() -> RequestInput.checkBody("POST", "text/plain", false)).doesNotThrowAnyException();
        assertThatCode(() -> RequestInput.checkBody("GET", "text/plain", true)).doesNotThrowAnyException();
    }
}
