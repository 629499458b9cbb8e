package dev.shoal.api.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ApiVersionsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void listsVersionOneAsTroveDoes() {
        assertThat(JSON.writeValueAsString(ApiVersions.all("http://db.example:8779"))).isEqualTo("""
                {"versions":[{"id":"v1.0","status":"CURRENT","updated":"2012-08-01T00:00:00Z",\
                "links":[{"href":"http://db.example:8779/v1.0/","rel":"self"}]}]}""");
    }

    @Test
    void describesVersionOneAlone() {
        assertThat(JSON.writeValueAsString(ApiVersions.one("http://db.example:8779/"))).isEqualTo("""
                {"version":{"id":"v1.0","status":"CURRENT","updated":"2012-08-01T00:00:00Z",\
                "links":[{"href":"http://db.example:8779/v1.0/","rel":"self"}]}}""");
    }
}
