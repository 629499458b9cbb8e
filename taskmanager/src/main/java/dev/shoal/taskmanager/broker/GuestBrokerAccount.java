package dev.shoal.taskmanager.broker;

import dev.shoal.contracts.NodeSecret;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A node's own broker account. Its password is derived from the node's secret, so nothing new is stored and every
 * task manager, at every start, arrives at the same one; the label keeps it unrelated to the message signatures made
 * with the same secret, and it never opens the secret itself.
 */
public record GuestBrokerAccount(String nodeId, String username, String password) {

    private static final String USER_PREFIX = "guestagent-";
    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] PASSWORD_LABEL = "shoal guest broker password v1".getBytes(StandardCharsets.UTF_8);

    public static GuestBrokerAccount forNode(String nodeId, NodeSecret secret) {
        return new GuestBrokerAccount(nodeId, username(nodeId), password(secret));
    }

    public static String username(String nodeId) {
        return USER_PREFIX + nodeId;
    }

    /**
     * The guests' broker URI with this account's credentials: host, port, virtual host and query of
     * {@code brokerUri} stay, whatever user and password it had go.
     */
    public String amqpUri(String brokerUri) {
        try {
            URI base = new URI(brokerUri);
            String authority = encode(username) + ":" + encode(password) + "@" + base.getRawAuthority()
                    .substring(base.getRawAuthority().lastIndexOf('@') + 1);
            return base.getScheme() + "://" + authority + (base.getRawPath() == null ? "" : base.getRawPath())
                    + (base.getRawQuery() == null ? "" : "?" + base.getRawQuery());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("not an AMQP URI: the broker guests use is unreadable");
        }
    }

    private static String password(NodeSecret secret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.value().getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(PASSWORD_LABEL));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "GuestBrokerAccount[" + username + ", password ****]";
    }
}
