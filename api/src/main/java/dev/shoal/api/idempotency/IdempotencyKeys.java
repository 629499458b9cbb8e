package dev.shoal.api.idempotency;

import dev.shoal.domain.secret.SecretCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Keys and the answers to their first requests, in PostgreSQL so that every api process, and one started after a
 * restart, answers a retry the same. Each statement commits on its own: a claim is visible to every other process
 * before the request it guards runs. A claim is taken over only with a conditional update on the claim id it was
 * read with, so of two retries racing for an expired or abandoned key exactly one wins.
 */
@Repository
class IdempotencyKeys {

    private static final int ATTEMPTS = 3;

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final IdempotencyProperties properties;
    private final Clock clock;

    IdempotencyKeys(JdbcClient jdbc, SecretCipher cipher, IdempotencyProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.properties = properties;
        this.clock = clock;
    }

    Claim claim(KeyScope scope, String key, String fingerprint) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            UUID claimId = UUID.randomUUID();
            if (insert(scope, key, fingerprint, claimId)) {
                return new Claim.Granted(scope, key, claimId);
            }
            Optional<Row> row = read(scope, key);
            if (row.isEmpty()) {
                continue; // pruned or released since the insert found it
            }
            Instant now = clock.instant();
            Row found = row.get();
            boolean expired = !found.expiresAt().isAfter(now);
            boolean abandoned = found.state() == State.PROCESSING
                    && !found.claimedAt().isAfter(now.minus(properties.abandonAfter()));
            if (!expired && !found.fingerprint().equals(fingerprint)) {
                return new Claim.Reused();
            }
            if (!expired && found.state() == State.COMPLETED) {
                return new Claim.Answered(found.response(cipher));
            }
            if (!expired && !abandoned) {
                return new Claim.InFlight();
            }
            if (takeOver(scope, key, fingerprint, found.claimId(), claimId)) {
                return new Claim.Granted(scope, key, claimId);
            }
        }
        // another retry keeps winning the key: it is being processed
        return new Claim.InFlight();
    }

    /** Keeps the answer; a claim that was taken over in the meantime keeps nothing. */
    void complete(Claim.Granted claim, StoredResponse response) {
        jdbc.sql("""
                        update idempotency_keys set state = 'COMPLETED', status = :status, content_type = :type,
                               location = :location, operation_location = :operation, body = :body
                        where token_id = :token and idempotency_key = :key and claim_id = :claim
                          and state = 'PROCESSING'""")
                .param("status", response.status())
                .param("type", response.contentType())
                .param("location", response.location())
                .param("operation", response.operationLocation())
                .param("body", cipher.encrypt(Base64.getEncoder().encodeToString(response.body())))
                .param("token", claim.scope().tokenId())
                .param("key", claim.key())
                .param("claim", claim.claimId())
                .update();
    }

    /** Gives the key up, so that a retry processes the request again. */
    void release(Claim.Granted claim) {
        jdbc.sql("""
                        delete from idempotency_keys
                        where token_id = :token and idempotency_key = :key and claim_id = :claim
                          and state = 'PROCESSING'""")
                .param("token", claim.scope().tokenId())
                .param("key", claim.key())
                .param("claim", claim.claimId())
                .update();
    }

    /** @return how many expired keys were deleted */
    int deleteExpired() {
        return jdbc.sql("delete from idempotency_keys where expires_at < :now")
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    private boolean insert(KeyScope scope, String key, String fingerprint, UUID claimId) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        insert into idempotency_keys (token_id, idempotency_key, tenant_id, fingerprint, state,
                                                      claim_id, claimed_at, expires_at)
                        values (:token, :key, :tenant, :fingerprint, 'PROCESSING', :claim, :now, :expires)
                        on conflict do nothing""")
                .param("token", scope.tokenId())
                .param("key", key)
                .param("tenant", scope.tenantId())
                .param("fingerprint", fingerprint)
                .param("claim", claimId)
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(properties.keyTtl())))
                .update() == 1;
    }

    /** An expired or abandoned key is claimed afresh, as if first used now. */
    private boolean takeOver(KeyScope scope, String key, String fingerprint, UUID readClaimId, UUID claimId) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        update idempotency_keys set tenant_id = :tenant, fingerprint = :fingerprint,
                               state = 'PROCESSING', claim_id = :claim, claimed_at = :now, expires_at = :expires,
                               status = null, content_type = null, location = null, operation_location = null,
                               body = null
                        where token_id = :token and idempotency_key = :key and claim_id = :read""")
                .param("tenant", scope.tenantId())
                .param("fingerprint", fingerprint)
                .param("claim", claimId)
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(properties.keyTtl())))
                .param("token", scope.tokenId())
                .param("key", key)
                .param("read", readClaimId)
                .update() == 1;
    }

    private Optional<Row> read(KeyScope scope, String key) {
        return jdbc.sql("""
                        select fingerprint, state, claim_id, claimed_at, expires_at, status, content_type, location,
                               operation_location, body
                        from idempotency_keys where token_id = :token and idempotency_key = :key""")
                .param("token", scope.tokenId())
                .param("key", key)
                .query(IdempotencyKeys::row)
                .optional();
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        return new Row(rs.getString("fingerprint"), State.valueOf(rs.getString("state")),
                rs.getObject("claim_id", UUID.class), rs.getTimestamp("claimed_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(), rs.getInt("status"), rs.getString("content_type"),
                rs.getString("location"), rs.getString("operation_location"), rs.getString("body"));
    }

    private enum State { PROCESSING, COMPLETED }

    private record Row(String fingerprint, State state, UUID claimId, Instant claimedAt, Instant expiresAt,
                       int status, String contentType, String location, String operationLocation, String body) {

        StoredResponse response(SecretCipher cipher) {
            return new StoredResponse(status, contentType, location, operationLocation,
                    Base64.getDecoder().decode(cipher.decrypt(body)));
        }
    }
}
