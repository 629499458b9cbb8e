package dev.shoal.api.account;

import dev.shoal.api.system.ApiException;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a small, fully loaded list ordered by a key, continuing after {@code marker}: an instance holds
 * tens of databases, not millions, so the page is cut in memory. A marker whose row went meanwhile still continues.
 */
record Pages<T>(List<T> items, String nextMarker) {

    static <T> Pages<T> of(List<T> all, Function<T, String> key, Integer limit, String marker, int defaultSize,
                           int maxSize) {
        int size = limit == null ? defaultSize : limit;
        if (size < 1 || size > maxSize) {
            throw ApiException.invalid("limit", "must be between 1 and " + maxSize);
        }
        List<T> after = all.stream().sorted(java.util.Comparator.comparing(key))
                .filter(item -> marker == null || key.apply(item).compareTo(marker) > 0).toList();
        boolean more = after.size() > size;
        List<T> page = more ? after.subList(0, size) : after;
        return new Pages<>(page, more ? key.apply(page.get(size - 1)) : null);
    }
}
