package dev.shoal.api.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Trove's self and bookmark links, built from the address the client used. */
@Component
public class Links {

    public List<Link> of(String tenantId, String path) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        return List.of(new Link(base + "/v1.0/" + tenantId + "/" + path, "self"),
                new Link(base + "/" + tenantId + "/" + path, "bookmark"));
    }

    /** Trove's list body: the page under {@code key}, and a {@code next} link carrying the marker when more follow. */
    public static Map<String, Object> page(String key, List<?> items, Object nextMarker) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(key, items);
        if (nextMarker != null) {
            String next = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("marker", nextMarker)
                    .toUriString();
            body.put("links", List.of(Map.of("rel", "next", "href", next)));
        }
        return body;
    }

    public record Link(String href, String rel) {
    }
}
