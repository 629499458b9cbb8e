package dev.shoal.api.secgroup;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param defaultCidr the sources a node's security group admits when nobody said otherwise: every node a create
 *                    without {@code access} makes, every cluster node, and {@code is_public: true} without CIDRs
 */
@Validated
@ConfigurationProperties("shoal.api.security-groups")
public record SecurityGroupProperties(@NotBlank @DefaultValue("0.0.0.0/0") String defaultCidr) {

    public SecurityGroupProperties {
        Cidr.Parsed parsed = Cidr.parse(defaultCidr);
        if (parsed.problem() != null) {
            throw new IllegalArgumentException("shoal.api.security-groups.default-cidr: " + parsed.problem());
        }
    }

    Cidr defaultNetwork() {
        return Cidr.parse(defaultCidr).cidr();
    }
}
