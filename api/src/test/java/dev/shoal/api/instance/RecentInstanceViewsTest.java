package dev.shoal.api.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

class RecentInstanceViewsTest {

    private static final UUID ID = UUID.randomUUID();

    private final RecentInstanceViews views = new RecentInstanceViews(new ReadCacheProperties(Duration.ofSeconds(5)),
            Clock.systemUTC());
    private final AtomicInteger builds = new AtomicInteger();

    @BeforeEach
    void request() {
        // inherited, so the reading threads below build links from it as request threads would
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()), true);
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void readsThatMissTogetherShareOneBuild() throws Exception {
        int readers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(readers);
        try {
            List<Future<InstanceView>> read = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                read.add(threads.submit(() -> {
                    start.await();
                    return views.of("acme", ID, () -> slowBuild("ACTIVE"));
                }));
            }
            start.countDown();
            for (Future<InstanceView> view : read) {
                assertThat(view.get(10, TimeUnit.SECONDS).status()).isEqualTo("ACTIVE");
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(builds).hasValue(1);
    }

    @Test
    void aSettledViewIsRememberedAndAnUnsettledOneIsBuiltAgain() {
        views.of("acme", ID, () -> slowBuild("ACTIVE"));
        views.of("acme", ID, () -> slowBuild("ACTIVE"));
        assertThat(builds).as("settled").hasValue(1);

        UUID building = UUID.randomUUID();
        views.of("acme", building, () -> slowBuild("BUILD"));
        views.of("acme", building, () -> slowBuild("BUILD"));
        assertThat(builds).as("one more build each while building").hasValue(3);
    }

    @Test
    void aViewIsForgottenWhenItsNodesHeartbeatGoesStale() throws InterruptedException {
        Instant stale = Instant.now().plusMillis(1_500);
        views.of("acme", ID, () -> slowBuild("ACTIVE", stale));
        views.of("acme", ID, () -> slowBuild("ACTIVE", stale));
        assertThat(builds).as("within the moment and before it goes stale").hasValue(1);

        assertThat(JsonMapper.builder().build().writeValueAsString(slowBuild("ACTIVE", stale)))
                .as("kept to itself").doesNotContain("heard");
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), stale).toMillis()) + 50);
        views.of("acme", ID, () -> slowBuild("ACTIVE", stale));
        assertThat(builds).as("seconds before the TTL ends, but stale").hasValue(3);
    }

    private InstanceView slowBuild(String status) {
        return slowBuild(status, null);
    }

    private InstanceView slowBuild(String status, Instant heardUntil) {
        builds.incrementAndGet();
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new InstanceView(ID, "db", status, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, heardUntil);
    }
}
