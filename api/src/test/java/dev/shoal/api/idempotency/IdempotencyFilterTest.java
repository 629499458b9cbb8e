package dev.shoal.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

import dev.shoal.api.security.Caller;
import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.ProblemWriter;
import dev.shoal.domain.tenant.TokenRole;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** What the filter keeps, replays and gives up, against a key store that answers as told. */
class IdempotencyFilterTest {

    private static final Caller CALLER = new Caller(UUID.randomUUID(), TokenRole.TENANT, "t", "ci");
    private static final KeyScope SCOPE = new KeyScope(CALLER.tokenId(), "t");
    private static final String BODY = "{\"configuration\": {\"name\": \"g\"}}";

    private final IdempotencyKeys keys = mock(IdempotencyKeys.class);
    private final ProblemWriter problems = mock(ProblemWriter.class);
    private final IdempotencyFilter filter = new IdempotencyFilter(keys, problems);
    private final Claim.Granted granted = new Claim.Granted(SCOPE, "k", UUID.randomUUID());
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @BeforeEach
    void signIn() {
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(CALLER, null, List.of()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void keepsTheStatusTheBodyItsTypeAndBothLocationsAndSendsThem() throws Exception {
        given(keys.claim(eq(SCOPE), eq("k"), any())).willReturn(granted);

        filter.doFilter(post("k"), response, new MockFilterChain(answering((request, answer) -> {
            answer.setStatus(202);
            answer.setHeader("Location", "/v1.0/t/instances/1");
            answer.setHeader("Operation-Location", "/v1.0/t/operations/2");
            answer.setContentType("application/json");
            answer.getWriter().write("{\"instance\": {}}");
        })));

        ArgumentCaptor<StoredResponse> kept = ArgumentCaptor.forClass(StoredResponse.class);
        then(keys).should().complete(eq(granted), kept.capture());
        assertThat(kept.getValue().status()).isEqualTo(202);
        assertThat(kept.getValue().contentType()).startsWith("application/json");
        assertThat(kept.getValue().location()).isEqualTo("/v1.0/t/instances/1");
        assertThat(kept.getValue().operationLocation()).isEqualTo("/v1.0/t/operations/2");
        assertThat(new String(kept.getValue().body(), StandardCharsets.UTF_8)).isEqualTo("{\"instance\": {}}");
        assertThat(response.getStatus()).isEqualTo(202);
        assertThat(response.getContentAsString()).isEqualTo("{\"instance\": {}}");
        assertThat(response.getHeader("Idempotent-Replayed")).isNull();
    }

    @Test
    void fingerprintsTheBodyAndStillHandsItToTheController() throws Exception {
        given(keys.claim(any(), any(), any())).willReturn(granted);

        filter.doFilter(post("k"), response, new MockFilterChain(answering((request, answer) ->
                answer.getOutputStream().write(request.getInputStream().readAllBytes()))));

        then(keys).should().claim(SCOPE, "k", RequestFingerprint.of("POST", "/v1.0/t/configurations",
                BODY.getBytes(StandardCharsets.UTF_8)));
        assertThat(response.getContentAsString()).isEqualTo(BODY);
    }

    @Test
    void replaysAKeptAnswerWithoutProcessingTheRequestAgain() throws Exception {
        given(keys.claim(any(), any(), any())).willReturn(new Claim.Answered(new StoredResponse(201,
                "application/json", "/v1.0/t/x/1", "/v1.0/t/operations/2", "{\"x\": 1}".getBytes())));
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(post("k"), response, chain);

        assertThat(chain.getRequest()).as("the request was not processed").isNull();
        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getContentType()).isEqualTo("application/json");
        assertThat(response.getHeader("Location")).isEqualTo("/v1.0/t/x/1");
        assertThat(response.getHeader("Operation-Location")).isEqualTo("/v1.0/t/operations/2");
        assertThat(response.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(response.getContentAsString()).isEqualTo("{\"x\": 1}");
    }

    @Test
    void releasesTheKeyOfA5xxSoThatItsRetryIsProcessedAgain() throws Exception {
        given(keys.claim(any(), any(), any())).willReturn(granted);

        filter.doFilter(post("k"), response, new MockFilterChain(answering((request, answer) ->
                answer.setStatus(503))));

        then(keys).should().release(granted);
        then(keys).should(never()).complete(any(), any());
        assertThat(response.getStatus()).isEqualTo(503);
    }

    @Test
    void releasesTheKeyOfAnAnswerTheErrorPageWrites() throws Exception {
        given(keys.claim(any(), any(), any())).willReturn(granted);

        filter.doFilter(post("k"), response, new MockFilterChain(answering((request, answer) ->
                answer.sendError(405))));

        then(keys).should().release(granted);
        then(keys).should(never()).complete(any(), any());
    }

    @Test
    void releasesTheKeyOfARequestThatFailedAsAWhole() {
        given(keys.claim(any(), any(), any())).willReturn(granted);

        assertThatThrownBy(() -> filter.doFilter(post("k"), response, new MockFilterChain(answering(
                (request, answer) -> {
                    throw new IllegalStateException("database unreachable");
                })))).hasMessageContaining("database unreachable");
        then(keys).should().release(granted);
    }

    @Test
    void answersAKeyUsedForAnotherRequestAndOneInProgressWithProblems() throws Exception {
        given(keys.claim(any(), any(), any())).willReturn(new Claim.Reused(), new Claim.InFlight());

        filter.doFilter(post("k"), response, new MockFilterChain());
        filter.doFilter(post("k"), new MockHttpServletResponse(), new MockFilterChain());

        then(problems).should().write(any(), argThat((ApiException e) -> e.status().value() == 422
                && e.code().equals("idempotency-key-reused")));
        then(problems).should().write(any(), argThat((ApiException e) -> e.status().value() == 409
                && e.code().equals("idempotency-key-in-use")));
    }

    @Test
    void refusesAMalformedKeyBeforeClaimingAnything() throws Exception {
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(post("k".repeat(256)), response, chain);

        then(problems).should().write(any(), argThat((ApiException e) -> e.status().value() == 400
                && e.fields().get(0).field().equals("Idempotency-Key")));
        then(keys).shouldHaveNoInteractions();
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void letsRequestsWithoutAKeyAndReadsPassUntouched() throws Exception {
        MockHttpServletRequest withoutKey = post(null);
        MockHttpServletRequest read = new MockHttpServletRequest("GET", "/v1.0/t/configurations");
        read.addHeader("Idempotency-Key", "k");
        MockFilterChain first = new MockFilterChain();
        MockFilterChain second = new MockFilterChain();

        filter.doFilter(withoutKey, response, first);
        filter.doFilter(read, new MockHttpServletResponse(), second);

        assertThat(first.getRequest()).isSameAs(withoutKey);
        assertThat(second.getRequest()).isSameAs(read);
        then(keys).shouldHaveNoInteractions();
    }

    private static MockHttpServletRequest post(String key) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1.0/t/configurations");
        request.setContentType("application/json");
        request.setContent(BODY.getBytes(StandardCharsets.UTF_8));
        if (key != null) {
            request.addHeader("Idempotency-Key", key);
        }
        return request;
    }

    private static HttpServlet answering(Handler handler) {
        return new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse answer) throws IOException {
                handler.handle(request, answer);
            }
        };
    }

    private interface Handler {
        void handle(HttpServletRequest request, HttpServletResponse response) throws IOException;
    }
}
