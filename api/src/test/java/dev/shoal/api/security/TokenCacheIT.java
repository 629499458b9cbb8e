package dev.shoal.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.api.ApiTestSupport;
import dev.shoal.domain.tenant.AuthToken;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A token found valid is looked up once for the requests that follow within the cache's time to live; an unknown
 * one is looked up, and counted as a failure, every time. The time to live is long here so that no request falls
 * outside it, whatever the machine's speed.
 */
@TestPropertySource(properties = {"shoal.api.token-cache-ttl=1m",
        "spring.jpa.properties.hibernate.generate_statistics=true",
        "shoal.api.auth-failures.capacity=1000", "shoal.api.auth-failures.period=1000h"})
class TokenCacheIT extends ApiTestSupport {

    private static final String UNKNOWN = "shoal_not-a-token-of-this-service-cache-0123456789";

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    AuthFailureLimiter failures;

    @BeforeEach
    @AfterEach
    void forgetFailures() {
        jdbc.sql("delete from auth_failure_buckets").update();
    }

    @Test
    void aTokensRequestsWithinTheTtlLookItUpOnce() {
        String token = tenantToken("tokencache");
        long before = tokensLoaded();

        for (int i = 0; i < 5; i++) {
            assertThat(call("GET", "/v1.0/tokencache/instances", token, null).status()).isEqualTo(200);
        }

        assertThat(tokensLoaded() - before).as("token rows read for five requests").isEqualTo(1);
    }

    @Test
    void anUnknownTokenIsLookedUpAndCountedAsAFailureEveryTime() {
        long allowance = failures.remaining("127.0.0.1");

        for (int i = 0; i < 3; i++) {
            assertThat(call("GET", "/v1.0/mgmt/tenants", UNKNOWN, null).status()).isEqualTo(401);
        }

        assertThat(failures.remaining("127.0.0.1")).isEqualTo(allowance - 3);
    }

    private long tokensLoaded() {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        return statistics.getEntityStatistics(AuthToken.class.getName()).getLoadCount();
    }
}
