package dev.shoal.domain.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shoal.domain.PostgresTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Processes of one service, each its own application context on one PostgreSQL: exactly one leads, another takes over
 * when the leader stops, and the processes of another service elect their own leader.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class LeaderElectionTest extends PostgresTest {

    @Autowired
    DataSource dataSource;

    @Test
    void oneProcessOfAServiceLeadsAndAnotherTakesOverWhenItStops() {
        String service = "shoal-test-" + UUID.randomUUID();
        String other = "shoal-other-" + UUID.randomUUID();
        List<AnnotationConfigApplicationContext> processes = List.of(process(service), process(service));
        AnnotationConfigApplicationContext ofOther = process(other);
        try {
            await("a leader").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> leaders(processes) == 1);
            await("the other service's own leader").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> ofOther.getBean(Leadership.class).leads());
            assertThat(leaders(processes)).as("one leader at a time").isEqualTo(1);
            AnnotationConfigApplicationContext leader = processes.stream()
                    .filter(process -> process.getBean(Leadership.class).leads()).findFirst().orElseThrow();
            AnnotationConfigApplicationContext follower = processes.get(processes.get(0) == leader ? 1 : 0);

            leader.close();

            await("the follower takes over").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> follower.getBean(Leadership.class).leads());
        } finally {
            processes.forEach(AnnotationConfigApplicationContext::close);
            ofOther.close();
        }
    }

    private static long leaders(List<AnnotationConfigApplicationContext> processes) {
        return processes.stream().filter(AnnotationConfigApplicationContext::isActive)
                .filter(process -> process.getBean(Leadership.class).leads()).count();
    }

    private AnnotationConfigApplicationContext process(String service) {
        AnnotationConfigApplicationContext process = new AnnotationConfigApplicationContext();
        process.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("service", Map.of("spring.application.name", service)));
        // not the pool itself, which a process closing would close for all
        process.registerBean(DataSource.class, () -> new DelegatingDataSource(dataSource));
        process.registerBean(PlatformTransactionManager.class, () -> new JdbcTransactionManager(dataSource));
        process.register(LeaderElection.class);
        process.refresh();
        return process;
    }
}
