package dev.shoal.bench.api;

import dev.shoal.bench.BenchContext;
import dev.shoal.bench.Figure;
import dev.shoal.bench.Measurement;
import dev.shoal.bench.load.ClosedLoop;
import dev.shoal.bench.load.ConstantRate;
import dev.shoal.bench.load.LoadResult;
import java.net.http.HttpRequest;
import java.util.List;

/**
 * P3: one instance read through the API, against the cheapest request the same process answers
 * ({@code /actuator/info}: no token, no database), with the same 64 connections; then its latency at a steady half
 * of that floor's rate.
 */
public final class InstanceReadFigure implements Figure {

    static final int CONNECTIONS = 64;

    @Override
    public String name() {
        return "P3";
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        String tenant = context.instances().tenant();
        String id = context.instances().first();
        HttpRequest instance = context.api().get("/v1.0/" + tenant + "/instances/" + id);
        HttpRequest info = context.api().get("/actuator/info");
        int port = context.settings().port();
        ClosedLoop.run(info, CONNECTIONS, context.settings().phase(4), port).requireSuccess("warm-up");
        ClosedLoop.run(instance, CONNECTIONS, context.settings().phase(4), port).requireSuccess("warm-up");

        LoadResult floor = ClosedLoop.run(info, CONNECTIONS, context.settings().phase(15), port)
                .requireSuccess("GET /actuator/info");
        BenchContext.log("GET /actuator/info: %.0f req/s over %d connections", floor.requestsPerSecond(),
                floor.connections());
        LoadResult read = ClosedLoop.run(instance, CONNECTIONS, context.settings().phase(15), port)
                .requireSuccess("GET instance");
        BenchContext.log("GET instance: %.0f req/s over %d connections", read.requestsPerSecond(),
                read.connections());
        double rate = floor.requestsPerSecond() / 2;
        // a server too slow for the rate fails requests: that is the figure's answer, not the bench's failure
        LoadResult steady = ConstantRate.run(instance, rate, CONNECTIONS, context.settings().phase(15), port);
        BenchContext.log("GET instance at %.0f req/s: p50 %.1f ms, p99 %.1f ms", rate, steady.latency().p50(),
                steady.latency().p99());

        String get = "P3 GET /v1.0/{t}/instances/{id}";
        return List.of(
                Measurement.againstFloor(get + ", 64 connections", read.requestsPerSecond(), "req/s",
                        "GET /actuator/info, 64 connections", floor.requestsPerSecond(), ">= 0.5", r -> r >= 0.5),
                Measurement.reported(get + ", 64 connections: p50", read.latency().p50(), "ms"),
                Measurement.reported(get + ", 64 connections: p99", read.latency().p99(), "ms"),
                Measurement.withGoal(String.format("%s at %.0f req/s constant: p99", get, rate),
                        steady.latency().p99(), "ms", "< 20 ms, none failed",
                        steady.latency().p99() < 20 && steady.failed() == 0),
                Measurement.reported(String.format("%s at %.0f req/s constant: failed or not sent", get, rate),
                        steady.failed(), ""),
                Measurement.reported(String.format("%s at %.0f req/s constant: p50", get, rate),
                        steady.latency().p50(), "ms"),
                Measurement.reported(String.format("%s at %.0f req/s constant: max", get, rate),
                        steady.latency().max(), "ms"));
    }
}
