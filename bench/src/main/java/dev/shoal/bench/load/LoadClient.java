package dev.shoal.bench.load;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The one HTTP/1.1 client of every timed phase: its pool keeps each connection alive from one request to the next
 * and from one phase to the next, so a phase of 64 connections holds 64 and no more.
 */
final class LoadClient {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private LoadClient() {
    }
}
