package dev.shoal.taskmanager.guest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * How long guests take to answer calls, by message type and outcome ({@code ok}, {@code error}: the guest answered
 * that it failed, or the call could not be sent, {@code timeout}: no answer in time). A call's type is one of the
 * guest API's names, a bounded set; the node it went to is never a tag.
 */
@Component
public class GuestCallMeters {

    static final String CALLS = "shoal.guest.rpc";
    static final String TIMEOUTS = "shoal.guest.rpc.timeouts";

    private final MeterRegistry registry;

    public GuestCallMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void answered(String type, boolean ok, Duration took) {
        record(type, ok ? "ok" : "error", took);
    }

    void failed(String type, Duration took) {
        record(type, "error", took);
    }

    void timedOut(String type, Duration waited) {
        record(type, "timeout", waited);
        Counter.builder(TIMEOUTS)
                .description("Guest calls that got no answer within their timeout, by message type")
                .tag("type", type)
                .register(registry)
                .increment();
    }

    private void record(String type, String outcome, Duration took) {
        Timer.builder(CALLS)
                .description("Guest call latency, from sending the call to reading its answer")
                .tag("type", type)
                .tag("outcome", outcome)
                .register(registry)
                .record(took.isNegative() ? Duration.ZERO : took);
    }
}
