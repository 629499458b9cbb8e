package dev.shoal.api.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.ApiTestSupport;
import dev.shoal.api.security.TokenSecrets;
import dev.shoal.domain.tenant.AuthTokenRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Api processes starting side by side with one bootstrap token: each starts, and the token is stored once. */
class OperatorTokenBootstrapIT extends ApiTestSupport {

    @Autowired
    AuthTokenRepository tokens;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApiProperties properties;
    @Autowired
    Clock clock;

    @Test
    void apisStartingAtOnceStoreTheBootstrapTokenOnce() {
        String token = "shoal_bootstrap-race-" + UUID.randomUUID();
        int apis = 4;
        CyclicBarrier together = new CyclicBarrier(apis);
        List<CompletableFuture<Void>> starts = IntStream.range(0, apis)
                .mapToObj(i -> CompletableFuture.runAsync(() -> {
                    OperatorTokenBootstrap bootstrap = new OperatorTokenBootstrap(tokens, withToken(token),
                            transactions, jdbc, clock);
                    await(together);
                    bootstrap.afterSingletonsInstantiated();
                })).toList();

        CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();

        assertThat(jdbc.sql("select count(*) from auth_tokens where token_hash = ?").param(TokenSecrets.hash(token))
                .query(Long.class).single()).isEqualTo(1);
        String tenant = "bootstrapped-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(call("POST", "/v1.0/mgmt/tenants", token,
                "{\"tenant\": {\"id\": \"" + tenant + "\", \"name\": \"" + tenant + "\"}}").status())
                .as("the stored token is an operator's").isEqualTo(201);
    }

    private ApiProperties withToken(String token) {
        return new ApiProperties(token, properties.heartbeatExpiry(), properties.buildTimeout(),
                properties.deleteTimeout(), properties.backupTimeout(), properties.minVolumeGb(),
                properties.maxVolumeGb(), properties.defaultPageSize(), properties.maxPageSize(),
                properties.outboxPollInterval(), properties.maxReplicasPerRequest(), properties.regions(),
                properties.maxClusterSize(), properties.replicationFactor(), properties.rootEnableTimeout(),
                properties.nodeDownGrace(), properties.logTimeout());
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
