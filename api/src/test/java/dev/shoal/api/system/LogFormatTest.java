package dev.shoal.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SHOAL_LOG_FORMAT, read through the api's application.properties, turns log lines into JSON with their context. */
@ExtendWith(OutputCaptureExtension.class)
class LogFormatTest {

    @AfterEach
    void plainLinesAgain() {
        start().close();
    }

    @Test
    void jsonLinesCarryTheRequestId(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext context = start("SHOAL_LOG_FORMAT=ecs")) {
            answer("req-logged-1");
        }

        String line = output.getOut().lines().filter(text -> text.contains("answered the request")).findFirst()
                .orElseThrow();
        JsonNode json = JsonMapper.builder().build().readTree(line);
        assertThat(json.path("message").asString()).isEqualTo("answered the request");
        assertThat(json.path("request").asString()).isEqualTo("req-logged-1");
        assertThat(json.path("log").path("level").asString()).isEqualTo("INFO");
    }

    @Test
    void linesArePlainTextUnlessAsked(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext context = start()) {
            answer("req-logged-2");
        }

        assertThat(output.getOut().lines().filter(text -> text.contains("answered the request")))
                .singleElement().satisfies(line -> assertThat(line).doesNotStartWith("{"));
    }

    private static void answer(String requestId) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1.0/logged/instances");
        request.addHeader(RequestIdFilter.HEADER, requestId);
        new RequestIdFilter().doFilter(request, new MockHttpServletResponse(),
                (in, out) -> LoggerFactory.getLogger(LogFormatTest.class).info("answered the request"));
    }

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(Nothing.class).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false).properties(properties).run();
    }

    @Configuration(proxyBeanMethods = false)
    static class Nothing {
    }
}
