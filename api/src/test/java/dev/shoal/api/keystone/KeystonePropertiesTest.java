package dev.shoal.api.keystone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeystonePropertiesTest {

    @Test
    void namesTheV3RootWhetherTheUrlEndsWithItOrNot() {
        assertThat(properties("http://keystone:5000", "shoal", "pw").v3()).isEqualTo("http://keystone:5000/v3");
        assertThat(properties("http://keystone:5000/v3/", "shoal", "pw").v3()).isEqualTo("http://keystone:5000/v3");
        assertThat(properties(" http://keystone/identity/v3", "shoal", "pw").v3())
                .isEqualTo("http://keystone/identity/v3");
    }

    @Test
    void isOffWithoutAUrl() {
        assertThat(properties("", null, null).enabled()).isFalse();
        assertThat(properties("http://keystone:5000", "shoal", "pw").enabled()).isTrue();
    }

    @Test
    void refusesToStartWithoutItsServiceUser() {
        assertThatThrownBy(() -> properties("http://keystone:5000", null, "pw").requireServiceUser())
                .hasMessageContaining("shoal.api.keystone.username");
        assertThatThrownBy(() -> properties("http://keystone:5000", "shoal", null).requireServiceUser())
                .hasMessageContaining("shoal.api.keystone.password");
    }

    @Test
    void neverShowsThePassword() {
        assertThat(properties("http://keystone:5000", "shoal", "hunter2").toString()).doesNotContain("hunter2");
    }

    private static KeystoneProperties properties(String url, String user, String password) {
        return new KeystoneProperties(url, user, password == null ? null : new KeystoneProperties.Password(password),
                "service", "Default", "Default", Duration.ofSeconds(300), true, null, Duration.ofSeconds(10));
    }
}
