package dev.shoal.api.keystone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.api.security.Caller;
import dev.shoal.domain.tenant.TokenRole;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeystoneAuthenticationTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String PROJECT = "0123456789abcdef0123456789abcdef";

    private final FakeKeystone keystone = new FakeKeystone();
    private final List<String> tenantsEnsured = new ArrayList<>();
    private final KeystoneAuthentication authentication = new KeystoneAuthentication(keystone,
            new ServiceTokens(keystone, CLOCK), new ValidatedTokens(Duration.ofSeconds(300), CLOCK),
            new RoleMapping(properties().roleMap()), new RecordingTenants(tenantsEnsured), "http://keystone/v3");

    @Test
    void aMembersTokenActsInItsProjectAndIsAskedAboutOnce() {
        keystone.tokens.put("member-token", token("member"));

        Optional<Caller> first = authentication.caller("member-token");
        Optional<Caller> second = authentication.caller("member-token");

        assertThat(first).hasValueSatisfying(caller -> {
            assertThat(caller.role()).isEqualTo(TokenRole.TENANT);
            assertThat(caller.tenantId()).isEqualTo(PROJECT);
            assertThat(caller.readOnly()).isFalse();
        });
        assertThat(second).isEqualTo(first);
        assertThat(keystone.validations).isEqualTo(1);
        assertThat(tenantsEnsured).containsExactly(PROJECT);
    }

    @Test
    void knowsOnlyTokensItHasAlreadyAskedAbout() {
        keystone.tokens.put("member-token", token("member"));
        assertThat(authentication.remembered("member-token")).isEmpty();

        Optional<Caller> asked = authentication.caller("member-token");

        assertThat(authentication.remembered("member-token")).isEqualTo(asked);
        assertThat(keystone.validations).isEqualTo(1);
    }

    @Test
    void aReaderMayOnlyRead() {
        keystone.tokens.put("reader-token", token("reader"));

        assertThat(authentication.caller("reader-token")).hasValueSatisfying(caller -> {
            assertThat(caller.role()).isEqualTo(TokenRole.TENANT);
            assertThat(caller.readOnly()).isTrue();
        });
    }

    @Test
    void anAdminIsAnOperator() {
        keystone.tokens.put("admin-token", token("admin", "member", "reader"));

        assertThat(authentication.caller("admin-token")).hasValueSatisfying(caller ->
                assertThat(caller.isOperator()).isTrue());
    }

    @Test
    void aTokenKeystoneDoesNotKnowIsRefusedAndAskedAboutAgain() {
        assertThat(authentication.caller("revoked")).isEmpty();
        assertThat(authentication.caller("revoked")).isEmpty();

        assertThat(keystone.validations).isEqualTo(2);
        assertThat(tenantsEnsured).isEmpty();
    }

    @Test
    void aTokenWithNoMappedRoleIsRefused() {
        keystone.tokens.put("service-token", token("service"));

        assertThat(authentication.caller("service-token")).isEmpty();
    }

    @Test
    void theSameUserInTheSameProjectIsOneCallerAcrossTokens() {
        keystone.tokens.put("morning", token("member"));
        keystone.tokens.put("evening", token("member"));

        assertThat(authentication.caller("morning").orElseThrow().tokenId())
                .isEqualTo(authentication.caller("evening").orElseThrow().tokenId());
    }

    @Test
    void aRefusedServiceTokenIsRenewedAndTheQuestionAskedAgain() {
        keystone.tokens.put("member-token", token("member"));
        keystone.refuseServiceToken = "service-1";

        assertThat(authentication.caller("member-token")).isPresent();
        assertThat(keystone.issued).isEqualTo(2);
    }

    private static KeystoneToken token(String... roles) {
        return new KeystoneToken("user-1", "alice", PROJECT, "shop", List.of(roles), NOW.plusSeconds(3600));
    }

    static KeystoneProperties properties() {
        return new KeystoneProperties("http://keystone/v3", "shoal", new KeystoneProperties.Password("secret"),
                "service", "Default", "Default", Duration.ofSeconds(300), true, null, Duration.ofSeconds(1));
    }

    /** Keystone as far as Shoal asks it: service tokens by number, and the tokens it knows. */
    static final class FakeKeystone extends KeystoneClient {
        final Map<String, KeystoneToken> tokens = new HashMap<>();
        int issued;
        int validations;
        String refuseServiceToken;

        FakeKeystone() {
            super(properties());
        }

        @Override
        ServiceToken issueServiceToken() {
            issued++;
            return new ServiceToken("service-" + issued, NOW.plusSeconds(3600));
        }

        @Override
        Optional<KeystoneToken> validate(String serviceToken, String subject) {
            if (serviceToken.equals(refuseServiceToken)) {
                throw new ServiceTokenRejected();
            }
            validations++;
            return Optional.ofNullable(tokens.get(subject));
        }
    }

    private static final class RecordingTenants extends ProjectTenants {
        private final List<String> ensured;

        RecordingTenants(List<String> ensured) {
            super(null, true, CLOCK);
            this.ensured = ensured;
        }

        @Override
        boolean ensure(String projectId, String projectName) {
            ensured.add(projectId);
            return true;
        }
    }
}
