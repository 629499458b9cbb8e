package dev.shoal.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.shoal.domain.tenant.AuthToken;
import dev.shoal.domain.tenant.AuthTokenRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {

    private static final String SECRET = "shoal_secret-of-a-tenant";
    private static final String HASH = TokenSecrets.hash(SECRET);

    private final AuthTokenRepository tokens = mock(AuthTokenRepository.class);

    @Test
    void remembersAValidTokenByItsHash() {
        given(tokens.findByTokenHashAndRevokedAtIsNull(HASH))
                .willReturn(Optional.of(AuthToken.forTenant("acme", "laptop", HASH, Instant.EPOCH)));
        TokenVerifier verifier = new TokenVerifier(tokens, new TokenCacheProperties(Duration.ofMinutes(1)));

        Optional<Caller> first = verifier.caller(SECRET);
        Optional<Caller> second = verifier.caller(SECRET);

        assertThat(first).hasValueSatisfying(caller -> assertThat(caller.tenantId()).isEqualTo("acme"));
        assertThat(second).isEqualTo(first);
        verify(tokens, times(1)).findByTokenHashAndRevokedAtIsNull(HASH);
    }

    @Test
    void forgetsARevokedToken() {
        AuthToken token = AuthToken.forTenant("acme", "laptop", HASH, Instant.EPOCH);
        given(tokens.findByTokenHashAndRevokedAtIsNull(HASH)).willReturn(Optional.of(token), Optional.empty());
        TokenVerifier verifier = new TokenVerifier(tokens, new TokenCacheProperties(Duration.ofMinutes(1)));
        assertThat(verifier.caller(SECRET)).isPresent();

        verifier.forget(new TokenRevoked(token.getId()));

        assertThat(verifier.caller(SECRET)).isEmpty();
    }

    @Test
    void neverRemembersATokenThatMatchesNothing() {
        given(tokens.findByTokenHashAndRevokedAtIsNull(HASH)).willReturn(Optional.empty());
        TokenVerifier verifier = new TokenVerifier(tokens, new TokenCacheProperties(Duration.ofMinutes(1)));

        assertThat(verifier.caller(SECRET)).isEmpty();
        assertThat(verifier.caller(SECRET)).isEmpty();

        verify(tokens, times(2)).findByTokenHashAndRevokedAtIsNull(HASH);
    }

    @Test
    void asksEveryTimeWhenTheTtlIsZero() {
        given(tokens.findByTokenHashAndRevokedAtIsNull(HASH))
                .willReturn(Optional.of(AuthToken.operator("ops", HASH, Instant.EPOCH)));
        TokenVerifier verifier = new TokenVerifier(tokens, new TokenCacheProperties(Duration.ZERO));

        verifier.caller(SECRET);
        verifier.caller(SECRET);

        verify(tokens, times(2)).findByTokenHashAndRevokedAtIsNull(HASH);
    }
}
