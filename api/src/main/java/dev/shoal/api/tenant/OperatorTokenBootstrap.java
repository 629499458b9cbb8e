package dev.shoal.api.tenant;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.security.TokenSecrets;
import dev.shoal.domain.tenant.AuthToken;
import dev.shoal.domain.tenant.AuthTokenRepository;
import dev.shoal.domain.tenant.TokenRole;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes sure an operator can get in: the configured bootstrap token is stored (as a hash) if new; with none
 * configured and no operator yet, one is generated and printed once to standard output, never to the log.
 */
@Component
class OperatorTokenBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OperatorTokenBootstrap.class);

    private final AuthTokenRepository tokens;
    private final ApiProperties properties;
    private final Clock clock;

    OperatorTokenBootstrap(AuthTokenRepository tokens, ApiProperties properties, Clock clock) {
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        String configured = properties.bootstrapToken();
        if (configured != null && !configured.isBlank()) {
            String hash = TokenSecrets.hash(configured.strip());
            if (tokens.findByTokenHashAndRevokedAtIsNull(hash).isEmpty()) {
                tokens.save(AuthToken.operator("bootstrap", hash, clock.instant()));
                log.info("operator token from SHOAL_BOOTSTRAP_TOKEN stored");
            }
            return;
        }
        if (!tokens.existsByRoleAndRevokedAtIsNull(TokenRole.OPERATOR)) {
            String secret = TokenSecrets.generate();
            tokens.save(AuthToken.operator("generated", TokenSecrets.hash(secret), clock.instant()));
            System.out.println("Shoal operator token: " + secret + "  (shown once; keep it safe)");
        }
    }
}
