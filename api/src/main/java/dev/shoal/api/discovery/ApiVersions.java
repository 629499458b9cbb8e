package dev.shoal.api.discovery;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * Trove's version documents, as its clients read them to find the API's one version: a list at the root, the
 * version itself at {@code /v1.0/}. The date is Trove's own for v1.0, kept so clients comparing it see no change.
 */
final class ApiVersions {

    static final String ID = "v1.0";
    private static final String UPDATED = "2012-08-01T00:00:00Z";

    private ApiVersions() {
    }

    /** {@code GET /}: every version, each linking to itself under {@code base}. */
    static Map<String, List<Version>> all(String base) {
        return Map.of("versions", List.of(current(base)));
    }

    /** {@code GET /v1.0/}. */
    static Map<String, Version> one(String base) {
        return Map.of("version", current(base));
    }

    private static Version current(String base) {
        String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return new Version(ID, "CURRENT", UPDATED, List.of(new Link(root + "/" + ID + "/", "self")));
    }

    @Schema(name = "ApiVersion")
    record Version(String id, String status, String updated, List<Link> links) {
    }

    @Schema(name = "ApiVersionLink")
    record Link(String href, String rel) {
    }
}
