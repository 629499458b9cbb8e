package dev.shoal.taskmanager.broker;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Guests' broker accounts through RabbitMQ's management HTTP API: a user without tags (so it cannot use the API
 * itself), its permissions on the control plane's virtual host, and its topic permission on the shoal exchange.
 * Every request is a PUT or DELETE of the whole resource, so running one again changes nothing.
 */
public class RabbitManagementAccounts implements GuestBrokerAccounts {

    private static final Logger log = LoggerFactory.getLogger(RabbitManagementAccounts.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final RestClient api;
    private final URI url;
    private final String virtualHost;

    public RabbitManagementAccounts(URI url, String username, String password, String virtualHost) {
        // the management API closes a connection that asks to upgrade to HTTP/2 without TLS
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build());
        requests.setReadTimeout(TIMEOUT);
        this.api = RestClient.builder()
                .baseUrl(url.toString().replaceAll("/+$", "") + "/api")
                .requestFactory(requests)
                .defaultHeaders(headers -> headers.setBasicAuth(username, password))
                .build();
        this.url = url;
        this.virtualHost = virtualHost;
    }

    @Override
    public void ensure(GuestBrokerAccount account) {
        RabbitGuestPermissions permissions = RabbitGuestPermissions.forNode(account.nodeId());
        String user = account.username();
        try {
            put("/users/{user}", Map.of("password", account.password(), "tags", ""), user);
            put("/permissions/{vhost}/{user}", Map.of("configure", permissions.configure(),
                    "write", permissions.write(), "read", permissions.read()), virtualHost, user);
            put("/topic-permissions/{vhost}/{user}", Map.of("exchange", permissions.topicExchange(),
                    "write", permissions.topicWrite(), "read", permissions.topicRead()), virtualHost, user);
        } catch (RestClientException e) {
            throw new BrokerAccountException("RabbitMQ at " + url + " did not set up the broker account of node "
                    + account.nodeId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String nodeId) {
        try {
            api.delete().uri("/users/{user}", GuestBrokerAccount.username(nodeId)).retrieve().toBodilessEntity();
            log.info("node {}: its broker account is deleted", nodeId);
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() != HttpStatus.NOT_FOUND.value()) {
                throw failedDelete(nodeId, e);
            }
        } catch (RestClientException e) {
            throw failedDelete(nodeId, e);
        }
    }

    private void put(String path, Map<String, String> body, Object... variables) {
        api.put().uri(path, variables).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toBodilessEntity();
    }

    private BrokerAccountException failedDelete(String nodeId, RestClientException e) {
        return new BrokerAccountException("RabbitMQ at " + url + " did not delete the broker account of node "
                + nodeId + ": " + e.getMessage(), e);
    }
}
