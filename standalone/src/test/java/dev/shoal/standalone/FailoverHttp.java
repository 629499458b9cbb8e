package dev.shoal.standalone;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A client of several api processes, as a load balancer in front of them is: a request an api cannot take (it is
 * down, or answers 503 while its database is) goes to the next, for a bounded while.
 */
final class FailoverHttp {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final List<ShoalHttp> apis;

    FailoverHttp(List<String> apiUrls) {
        this.apis = apiUrls.stream().map(ShoalHttp::new).toList();
    }

    ShoalHttp.Response send(String method, String path, String token, String body) {
        Instant deadline = Instant.now().plus(PATIENCE);
        RuntimeException last = null;
        int turn = 0;
        while (Instant.now().isBefore(deadline)) {
            ShoalHttp api = apis.get(turn++ % apis.size());
            try {
                ShoalHttp.Response response = api.send(method, path, token, body);
                if (response.status() != 503) {
                    return response;
                }
                last = new IllegalStateException(method + " " + path + ": 503 " + response.body());
            } catch (IllegalStateException down) {
                last = down;
            }
            pause();
        }
        throw new IllegalStateException("no api took " + method + " " + path + " within " + PATIENCE, last);
    }

    ShoalHttp first() {
        return apis.get(0);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
