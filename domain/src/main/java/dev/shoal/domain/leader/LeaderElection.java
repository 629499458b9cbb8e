package dev.shoal.domain.leader;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.leader.DefaultCandidate;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;

/**
 * Several processes of one service run side by side; work that must have one runner at a time (sweepers, pruning)
 * runs only in the process that holds the service's lock in PostgreSQL ({@code int_lock}). The role is the
 * application's name, so the processes of one service compete, and those of different services do not. Imported by
 * the services that have such work (the task manager, the conductor): the api has none, and elects no leader.
 */
@Configuration(proxyBeanMethods = false)
@Import(Leadership.class)
public class LeaderElection {

    @Bean
    DefaultLockRepository leaderLockRepository(DataSource dataSource) {
        return new DefaultLockRepository(dataSource, UUID.randomUUID().toString());
    }

    @Bean
    JdbcLockRegistry leaderLockRegistry(DefaultLockRepository leaderLockRepository) {
        return new JdbcLockRegistry(leaderLockRepository);
    }

    @Bean
    LockRegistryLeaderInitiator leaderInitiator(JdbcLockRegistry leaderLockRegistry,
                                                @Value("${spring.application.name:shoal}") String service) {
        return new LockRegistryLeaderInitiator(leaderLockRegistry,
                new DefaultCandidate(UUID.randomUUID().toString(), service));
    }
}
