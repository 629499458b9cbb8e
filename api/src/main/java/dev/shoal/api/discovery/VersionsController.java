package dev.shoal.api.discovery;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Unauthenticated, as in Trove: a client finds the version before it has a token for it. */
@RestController
class VersionsController {

    @GetMapping("/")
    Map<String, List<ApiVersions.Version>> versions() {
        return ApiVersions.all(base());
    }

    @GetMapping({"/v1.0", "/v1.0/"})
    Map<String, ApiVersions.Version> version() {
        return ApiVersions.one(base());
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}
