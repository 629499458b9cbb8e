package dev.shoal.api.keystone;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Shoal inside an OpenStack cloud: tokens Shoal did not issue are asked about at Keystone.
 *
 * @param url            Keystone's identity endpoint ({@code http://keystone:5000}, with or without {@code /v3});
 *                       empty turns Keystone off
 * @param username       Shoal's service user, which asks Keystone about other tokens
 * @param password       its password
 * @param project        the project its token is scoped to (usually {@code service})
 * @param userDomain     the service user's domain, by name
 * @param projectDomain  the service project's domain, by name
 * @param cacheTtl       how long an answer about a token is believed; never past the token's {@code expires_at}.
 *                       300 s as keystonemiddleware's {@code token_cache_time}: a token revoked meanwhile is served
 *                       for up to this long
 * @param createTenants  whether a project's first valid token creates its tenant; off, an operator creates it
 * @param roles          Keystone role name to Shoal role ({@code operator}, {@code tenant}, {@code reader}), as
 *                       {@code shoal.api.keystone.roles.member=tenant}; unset, {@code admin} is operator, {@code member}
 *                       tenant and {@code reader} reader. A token with none of the mapped roles is refused
 * @param timeout        how long a request to Keystone may take
 */
@Validated
@ConfigurationProperties("shoal.api.keystone")
public record KeystoneProperties(
        @DefaultValue("") String url,
        String username,
        Password password,
        @DefaultValue("service") String project,
        @DefaultValue("Default") String userDomain,
        @DefaultValue("Default") String projectDomain,
        @NotNull @DefaultValue("300s") Duration cacheTtl,
        @DefaultValue("true") boolean createTenants,
        Map<String, ShoalRole> roles,
        @NotNull @DefaultValue("10s") Duration timeout) {

    public boolean enabled() {
        return url != null && !url.isBlank();
    }

    /** Keystone's default roles (admin, member, reader, as {@code keystone-manage bootstrap} makes them) unless set. */
    Map<String, ShoalRole> roleMap() {
        return roles == null || roles.isEmpty()
                ? Map.of("admin", ShoalRole.OPERATOR, "member", ShoalRole.TENANT, "reader", ShoalRole.READER)
                : roles;
    }

    /** Refuses to start half-configured: without its service user, Shoal could validate no Keystone token at all. */
    void requireServiceUser() {
        if (username == null || username.isBlank() || password == null || password.value() == null
                || password.value().isEmpty()) {
            throw new IllegalStateException("shoal.api.keystone.username and shoal.api.keystone.password are required"
                    + " when shoal.api.keystone.url is set: Shoal validates Keystone tokens as that service user");
        }
    }

    /** The v3 API's root, whether the configured url names it or not. */
    String v3() {
        String base = url.strip().replaceAll("/+$", "");
        return base.endsWith("/v3") ? base : base + "/v3";
    }

    /** A secret whose {@code toString} does not show it. */
    public record Password(String value) {
        @Override
        public String toString() {
            return "******";
        }
    }
}
