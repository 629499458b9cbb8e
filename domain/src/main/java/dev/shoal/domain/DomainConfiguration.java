package dev.shoal.domain;

import dev.shoal.contracts.MessageCodec;
import dev.shoal.domain.failover.FailoverProperties;
import dev.shoal.domain.failover.FailoverRule;
import dev.shoal.domain.leader.LeaderElection;
import dev.shoal.domain.leader.Leadership;
import dev.shoal.domain.leader.PruningProperties;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** Imported by every service: entities, repositories, the outbox, and the shared clock and codec. */
@Configuration(proxyBeanMethods = false)
@EntityScan(basePackageClasses = DomainConfiguration.class)
@EnableJpaRepositories(basePackageClasses = DomainConfiguration.class)
// leader election is imported by the services that have work for a leader
@ComponentScan(basePackageClasses = DomainConfiguration.class, excludeFilters = @ComponentScan.Filter(
        type = FilterType.ASSIGNABLE_TYPE, classes = {LeaderElection.class, Leadership.class}))
@EnableConfigurationProperties({PruningProperties.class, FailoverProperties.class})
public class DomainConfiguration {

    @Bean
    FailoverRule failoverRule(FailoverProperties properties) {
        return new FailoverRule(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    MessageCodec messageCodec() {
        return new MessageCodec();
    }
}
