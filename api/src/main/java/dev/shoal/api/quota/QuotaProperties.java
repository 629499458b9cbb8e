package dev.shoal.api.quota;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * A tenant's limits unless an operator set its own ({@code PUT /mgmt/quotas/{tenant}}); -1 is unlimited.
 *
 * @param instances nodes a tenant may hold: standalone instances, replicas and cluster members alike
 * @param volumes   volume gigabytes a tenant may hold over all its nodes
 * @param backups   backups a tenant may hold (Trove's {@code backups} resource), failed ones included until deleted
 */
@Validated
@ConfigurationProperties("shoal.api.quota")
public record QuotaProperties(@Min(-1) @DefaultValue("20") int instances, @Min(-1) @DefaultValue("200") int volumes,
                              @Min(-1) @DefaultValue("50") int backups) {
}
