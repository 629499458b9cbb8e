package dev.shoal.api.log;

import dev.shoal.api.system.ApiException;
import dev.shoal.domain.log.InstanceLog;
import dev.shoal.domain.log.InstanceLogPart;
import dev.shoal.domain.log.InstanceLogPartRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The part of OpenStack's object store (Swift) API through which Trove's clients read published logs: the tenant's
 * log container listed by prefix, and each part with the lines it holds ({@code X-Object-Meta-Lines}, which
 * {@code openstack database log tail} counts). Registered in a Keystone catalog as the {@code object-store} service,
 * {@code http://<host>:8779/v1/AUTH_%(tenant_id)s}; read-only, and a tenant reads its own parts only.
 */
@RestController
@RequestMapping("/v1/AUTH_{tenantId}")
class ObjectStoreController {

    /** Swift's listing time: UTC, microseconds, no zone. */
    private static final DateTimeFormatter LISTED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_LISTED = 10_000;

    private final InstanceLogPartRepository parts;

    ObjectStoreController(InstanceLogPartRepository parts) {
        this.parts = parts;
    }

    @Transactional(readOnly = true)
    @GetMapping("/{container}")
    List<Map<String, Object>> list(@PathVariable String tenantId, @PathVariable String container,
                                   @RequestParam(defaultValue = "") String prefix,
                                   @RequestParam(defaultValue = "") String marker) {
        logContainer(container);
        return parts.listed(tenantId, escaped(prefix) + "%").stream()
                .filter(part -> marker.isEmpty() || part.getObjectName().compareTo(marker) > 0)
                .limit(MAX_LISTED)
                .map(part -> Map.<String, Object>of("name", part.getObjectName(), "hash", md5(part.getContent()),
                        "bytes", part.getBytes(), "content_type", MediaType.TEXT_PLAIN_VALUE,
                        "last_modified", LISTED.format(part.getCreated())))
                .toList();
    }

    @Transactional(readOnly = true)
    /**
     * A part, named {@code <instance>/<datastore>-<log>/log-<time>} as Trove names them; a {@code HEAD} of it (how
     * {@code log tail} counts its lines) is answered by this mapping too, without the body.
     */
    @GetMapping("/{container}/{instance}/{log}/{part}")
    ResponseEntity<String> object(@PathVariable String tenantId, @PathVariable String container,
                                  @PathVariable String instance, @PathVariable String log,
                                  @PathVariable String part) {
        logContainer(container);
        String name = instance + "/" + log + "/" + part;
        InstanceLogPart found = parts.findByTenantIdAndObjectName(tenantId, name)
                .orElseThrow(() -> ApiException.notFound("object " + name));
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .eTag(md5(found.getContent()))
                .lastModified(found.getCreated())
                .header("X-Object-Meta-Lines", Integer.toString(found.getLines()))
                .body(found.getContent());
    }

    private static void logContainer(String container) {
        if (!InstanceLog.CONTAINER.equals(container)) {
            throw ApiException.notFound("container " + container);
        }
    }

    private static String escaped(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static String md5(String content) {
        try {
            // Swift's own checksum of an object, which its clients may compare: not a security measure
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
