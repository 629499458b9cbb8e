package dev.shoal.bench.api;

import dev.shoal.bench.BenchContext;
import dev.shoal.bench.Figure;
import dev.shoal.bench.Measurement;
import dev.shoal.bench.SyntheticTenant;
import dev.shoal.bench.load.ClosedLoop;
import dev.shoal.bench.load.LoadResult;
import java.net.http.HttpRequest;
import java.util.List;

/** P3: the first page of a tenant's instances costs the same whether the tenant holds 10,000 or 100. */
public final class InstancePageFigure implements Figure {

    private static final int LARGE = 10_000;
    private static final int SMALL = 100;

    @Override
    public String name() {
        return "P3";
    }

    @Override
    public List<Measurement> run(BenchContext context) throws Exception {
        SyntheticTenant large = context.syntheticTenant(LARGE);
        SyntheticTenant small = context.syntheticTenant(SMALL);
        HttpRequest largePage = context.api().get("/v1.0/" + large.id() + "/instances?limit=20");
        HttpRequest smallPage = context.api().get("/v1.0/" + small.id() + "/instances?limit=20");
        int port = context.settings().port();
        int connections = InstanceReadFigure.CONNECTIONS;
        ClosedLoop.run(largePage, connections, context.settings().phase(3), port).requireSuccess("warm-up");
        ClosedLoop.run(smallPage, connections, context.settings().phase(3), port).requireSuccess("warm-up");
        LoadResult ofSmall = ClosedLoop.run(smallPage, connections, context.settings().phase(10), port)
                .requireSuccess("a page of a tenant of " + SMALL);
        LoadResult ofLarge = ClosedLoop.run(largePage, connections, context.settings().phase(10), port)
                .requireSuccess("a page of a tenant of " + LARGE);
        BenchContext.log("a page of 20: %.0f req/s in a tenant of %d, %.0f req/s in one of %d", ofLarge
                .requestsPerSecond(), LARGE, ofSmall.requestsPerSecond(), SMALL);

        String page = "P3 GET /v1.0/{t}/instances?limit=20, 64 connections";
        return List.of(
                Measurement.againstFloor(page + ", tenant of 10,000: mean latency", ofLarge.latency().mean(), "ms",
                        "same, tenant of 100", ofSmall.latency().mean(), "<= 1.5", r -> r <= 1.5),
                Measurement.reported(page + ", tenant of 10,000", ofLarge.requestsPerSecond(), "req/s"),
                Measurement.reported(page + ", tenant of 10,000: p99", ofLarge.latency().p99(), "ms"),
                Measurement.reported(page + ", tenant of 100", ofSmall.requestsPerSecond(), "req/s"),
                Measurement.reported(page + ", tenant of 100: p99", ofSmall.latency().p99(), "ms"));
    }
}
