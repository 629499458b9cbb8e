package dev.shoal.domain.leader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.integration.leader.event.OnGrantedEvent;
import org.springframework.integration.leader.event.OnRevokedEvent;

/** Whether this process leads its service now: only the leader runs the work that must have one runner at a time. */
public class Leadership {

    private static final Logger log = LoggerFactory.getLogger(Leadership.class);

    private volatile boolean leading;

    public boolean leads() {
        return leading;
    }

    @EventListener
    void granted(OnGrantedEvent event) {
        leading = true;
        log.info("this process leads {} (candidate {})", event.getRole(), event.getContext());
    }

    @EventListener
    void revoked(OnRevokedEvent event) {
        leading = false;
        log.info("this process no longer leads {}", event.getRole());
    }
}
