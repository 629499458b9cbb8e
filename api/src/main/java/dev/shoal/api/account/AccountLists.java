package dev.shoal.api.account;

import dev.shoal.api.system.Links;
import java.util.Map;

/** Trove's list body: the page under its key, and a {@code next} link carrying the marker when more follow. */
final class AccountLists {

    private AccountLists() {
    }

    static Map<String, Object> body(String key, Pages<?> page) {
        return Links.page(key, page.items(), page.nextMarker());
    }
}
