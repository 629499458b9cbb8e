package dev.shoal.api.quota;

import io.swagger.v3.oas.annotations.media.Schema;

/** Trove's quota update: {@code {"quotas": {"instances": 10, "volumes": 100, "backups": 20}}}; -1 is unlimited. */
@Schema(name = "QuotaUpdateRequest")
record QuotaUpdateRequest(Limits quotas) {

    @Schema(name = "QuotaLimits")
    record Limits(Integer instances, Integer volumes, Integer backups) {

        boolean isEmpty() {
            return instances == null && volumes == null && backups == null;
        }
    }
}
