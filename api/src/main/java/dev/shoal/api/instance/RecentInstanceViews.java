package dev.shoal.api.instance;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The views of single instances this process built within the last moment. Clients poll an instance while it
 * changes, and its view costs three statements and a few milliseconds of CPU where a cached one costs microseconds;
 * what it shows moves with heartbeats every few seconds, so a view a second old tells as much. Only a settled
 * instance's view is remembered (ACTIVE, no task under way): one being built or changed is what clients wait on, and
 * they see it move at once. Any change this process serves forgets them all ({@link ChangesForgetRecentViews}), so a
 * client sees its own change at once.
 */
@Component
class RecentInstanceViews {

    /** Links are built from the address the client used, so it is part of the key. */
    private record Key(String base, String tenantId, UUID id) {
    }

    private static final long MAX_REMEMBERED = 10_000;

    private final Cache<Key, InstanceView> views;

    RecentInstanceViews(ReadCacheProperties properties, Clock clock) {
        this.views = properties.enabled() ? Caffeine.newBuilder()
                .expireAfter(new UntilStale(properties.readCacheTtl(), clock))
                .maximumSize(MAX_REMEMBERED).build() : null;
    }

    /**
     * The view built within the last moment, or {@code build}'s; a failure (404) is never remembered, and an unsettled
     * view only by the requests that asked for it while it was being built.
     */
    InstanceView of(String tenantId, UUID id, Supplier<InstanceView> build) {
        if (views == null) {
            return build.get();
        }
        Key key = new Key(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString(), tenantId, id);
        // requests that miss together wait for one build rather than each building the same view
        InstanceView view = views.get(key, missing -> build.get());
        if (!settled(view)) {
            views.asMap().remove(key, view);
        }
        return view;
    }

    private static boolean settled(InstanceView view) {
        return "ACTIVE".equals(view.status()) && (view.task() == null
                || !"PENDING".equals(view.task().state()) && !"RUNNING".equals(view.task().state()));
    }

    void forgetAll() {
        if (views != null) {
            views.invalidateAll();
        }
    }

    /**
     * A view is remembered for the TTL at most, and never past the moment its node's last heartbeat goes stale: a read
     * after it shows the node SHUTDOWN at once, as one built anew would.
     */
    private record UntilStale(Duration ttl, Clock clock) implements Expiry<Key, InstanceView> {

        @Override
        public long expireAfterCreate(Key key, InstanceView view, long currentTime) {
            if (view.heardUntil() == null) {
                return ttl.toNanos();
            }
            long untilStale = Duration.between(clock.instant(), view.heardUntil()).toNanos();
            return Math.max(0, Math.min(ttl.toNanos(), untilStale));
        }

        @Override
        public long expireAfterUpdate(Key key, InstanceView view, long currentTime, long currentDuration) {
            return expireAfterCreate(key, view, currentTime);
        }

        @Override
        public long expireAfterRead(Key key, InstanceView view, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
