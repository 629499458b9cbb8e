package dev.shoal.api.system;

import java.util.List;
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

    public record Link(String href, String rel) {
    }
}
