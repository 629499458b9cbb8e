package dev.shoal.api.tenant;

import dev.shoal.api.ApiProperties;
import dev.shoal.api.security.TokenSecrets;
import dev.shoal.domain.tenant.AuthToken;
import dev.shoal.domain.tenant.AuthTokenRepository;
import dev.shoal.domain.tenant.TokenRole;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes sure an operator can get in: the configured bootstrap token is stored (as a hash) if new; with none
 * configured and no operator yet, one is generated and printed once to standard output, never to the log.
 * It runs before the web server opens its port, so the configured token works from the first request. Api
 * processes starting side by side take turns (a transaction-scoped advisory lock): one stores the token, the others
 * find it.
 */
@Component
class OperatorTokenBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(OperatorTokenBootstrap.class);

    private final AuthTokenRepository tokens;
    private final ApiProperties properties;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Clock clock;

    OperatorTokenBootstrap(AuthTokenRepository tokens, ApiProperties properties, TransactionTemplate transactions,
                           JdbcClient jdbc, Clock clock) {
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('shoal.operator-token-bootstrap'))").query().listOfRows();
            ensureOperator();
        });
    }

    private void ensureOperator() {
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
