package dev.shoal.bench.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed number of connections, each sending its next request as soon as the last one is answered: the most the
 * server answers with that many clients. One thread per connection, all on one HTTP/1.1 client whose pool keeps
 * each connection alive between requests.
 */
public final class ClosedLoop {

    private ClosedLoop() {
    }

    public static LoadResult run(HttpRequest request, int connections, Duration duration, int serverPort)
            throws InterruptedException {
        HttpClient client = LoadClient.HTTP;
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Workers.Done done = Workers.run("closed-loop", connections, duration, serverPort, start, latencies -> {
            while (System.nanoTime() < end) {
                long sent = System.nanoTime();
                if (!send(client, request)) {
                    failed.incrementAndGet();
                }
                latencies.record(System.nanoTime() - sent);
            }
        });
        return new LoadResult(done.latencies().count() / done.seconds(), done.latencies().summary(), failed.get(),
                done.open());
    }

    static boolean send(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
