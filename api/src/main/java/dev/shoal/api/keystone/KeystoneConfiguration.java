package dev.shoal.api.keystone;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Keystone's tokens beside Shoal's own, when {@code shoal.api.keystone.url} is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${shoal.api.keystone.url:}'.isBlank()")
class KeystoneConfiguration {

    @Bean
    KeystoneAuthentication keystoneAuthentication(KeystoneProperties properties, JdbcClient jdbc, Clock clock) {
        properties.requireServiceUser();
        KeystoneClient keystone = new KeystoneClient(properties);
        return new KeystoneAuthentication(keystone, new ServiceTokens(keystone, clock),
                new ValidatedTokens(properties.cacheTtl(), clock), new RoleMapping(properties.roleMap()),
                new ProjectTenants(jdbc, properties.createTenants(), clock), properties.url().strip());
    }
}
