package dev.shoal.testsupport.keystone;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a cloud's administrator does through Keystone's v3 API: projects, users, roles, the catalog, tokens. */
public final class KeystoneAdmin {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String v3;

    public KeystoneAdmin(String keystoneUrl) {
        this.v3 = keystoneUrl + "/v3";
    }

    /** A new one each time: the suite's Keystone gives tokens a short life. */
    private String adminToken() {
        return token("admin", KeystoneServer.ADMIN_PASSWORD, "admin");
    }

    /** A project-scoped token by password, as any client gets one. */
    public String token(String user, String password, String project) {
        HttpResponse<String> response = send("POST", "/auth/tokens", null, """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "%s",
                  "domain": {"name": "Default"}, "password": "%s"}}},
                  "scope": {"project": {"name": "%s", "domain": {"name": "Default"}}}}}"""
                .formatted(user, password, project), 201);
        return response.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    public void revoke(String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(v3 + "/auth/tokens")).DELETE()
                .header("X-Auth-Token", adminToken()).header("X-Subject-Token", token).build();
        expect(request, 204);
    }

    public String createProject(String name) {
        return created("/projects", "project", """
                {"project": {"name": "%s", "domain_id": "default"}}""".formatted(name));
    }

    public String projectId(String name) {
        return json(send("GET", "/projects?name=" + name, adminToken(), null, 200)).path("projects").get(0)
                .path("id").asString();
    }

    public String createRole(String name) {
        return created("/roles", "role", """
                {"role": {"name": "%s"}}""".formatted(name));
    }

    public String roleId(String name) {
        return json(send("GET", "/roles?name=" + name, adminToken(), null, 200)).path("roles").get(0)
                .path("id").asString();
    }

    /** A user with {@code role} in {@code projectId}. */
    public void createUser(String name, String password, String projectId, String role) {
        String user = created("/users", "user", """
                {"user": {"name": "%s", "password": "%s", "domain_id": "default"}}""".formatted(name, password));
        send("PUT", "/projects/" + projectId + "/users/" + user + "/roles/" + roleId(role), adminToken(), null, 204);
    }

    /** Registers a service and its public endpoint in the catalog. */
    public void registerEndpoint(String type, String name, String url) {
        String service = created("/services", "service", """
                {"service": {"type": "%s", "name": "%s", "enabled": true}}""".formatted(type, name));
        created("/endpoints", "endpoint", """
                {"endpoint": {"service_id": "%s", "interface": "public", "region_id": "RegionOne", "url": "%s"}}"""
                .formatted(service, url));
    }

    private String created(String path, String member, String body) {
        return json(send("POST", path, adminToken(), body, 201)).path(member).path("id").asString();
    }

    private HttpResponse<String> send(String method, String path, String token, String body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(v3 + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        return expect(request.build(), expected);
    }

    private static HttpResponse<String> expect(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = sendOnALiveConnection(request);
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** uwsgi closes kept-alive connections the client may still hold: a reset before any answer is sent again. */
    private static HttpResponse<String> sendOnALiveConnection(HttpRequest request) throws IOException,
            InterruptedException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException reset) {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
