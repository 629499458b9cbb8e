package dev.shoal.api.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Trove's list body: the page under its key, and a {@code next} link carrying the marker when more follow. */
final class AccountLists {

    private AccountLists() {
    }

    static Map<String, Object> body(String key, Pages<?> page) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(key, page.items());
        if (page.nextMarker() != null) {
            String next = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("marker", page.nextMarker()).toUriString();
            body.put("links", List.of(Map.of("rel", "next", "href", next)));
        }
        return body;
    }
}
