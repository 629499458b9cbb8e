package dev.shoal.domain.secret;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Stored secrets are encrypted with the configured key; a service without one does not start. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecretsProperties.class)
public class SecretsConfiguration {

    @Bean
    SecretKeys secretKeys(SecretsProperties properties) {
        return properties.keys();
    }

    @Bean
    SecretCipher secretCipher(SecretKeys keys) {
        return new SecretCipher(keys);
    }

    @Bean
    StoredSecretsRewriter storedSecretsRewriter(JdbcTemplate jdbc, SecretCipher cipher, SecretKeys keys) {
        return new StoredSecretsRewriter(jdbc, cipher, keys);
    }
}
