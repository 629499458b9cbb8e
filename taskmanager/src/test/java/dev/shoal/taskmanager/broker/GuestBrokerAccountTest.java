package dev.shoal.taskmanager.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.shoal.contracts.NodeSecret;
import java.net.URI;
import org.junit.jupiter.api.Test;

class GuestBrokerAccountTest {

    private static final String NODE = "3f1c2b7a-9d4e-4a51-8c3b-2e6f1a0d9b77";
    private static final NodeSecret SECRET = new NodeSecret("k2JcQm8vX0pL5rT9wN3yB7dF1hA6sE4uZ-_gYqRtVbM");

    @Test
    void theSameNodeSecretAlwaysGivesTheSamePassword() {
        assertThat(GuestBrokerAccount.forNode(NODE, SECRET))
                .isEqualTo(GuestBrokerAccount.forNode(NODE, new NodeSecret(SECRET.value())));
    }

    @Test
    void thePasswordIsAnHmacOfAFixedLabelInBase64Url() {
        // HMAC-SHA256 keyed by the secret over "shoal guest broker password v1", as openssl computes it
        assertThat(GuestBrokerAccount.forNode(NODE, SECRET).password())
                .isEqualTo("9LPkzmG_sS15GvCsdtA_lVtnmK2dY4JSJ-VWvcHMW1I");
    }

    @Test
    void anotherSecretGivesAnotherPasswordThatRevealsNeitherSecretNorSignature() {
        GuestBrokerAccount account = GuestBrokerAccount.forNode(NODE, SECRET);
        GuestBrokerAccount other = GuestBrokerAccount.forNode(NODE, NodeSecret.generate());

        assertThat(other.password()).isNotEqualTo(account.password());
        assertThat(account.password()).hasSize(43).matches("[A-Za-z0-9_-]+").doesNotContain(SECRET.value());
    }

    @Test
    void theUserIsNamedForItsNode() {
        assertThat(GuestBrokerAccount.forNode(NODE, SECRET).username()).isEqualTo("guestagent-" + NODE);
    }

    @Test
    void theGuestsUriKeepsHostPortVirtualHostAndOptionsButNotTheControlPlanesCredentials() {
        GuestBrokerAccount account = GuestBrokerAccount.forNode(NODE, SECRET);

        String uri = account.amqpUri("amqps://shoal:s3cr%40t@broker.example:5671/shoal%2Fprod?heartbeat=30");

        assertThat(uri).isEqualTo("amqps://guestagent-" + NODE + ":" + account.password()
                + "@broker.example:5671/shoal%2Fprod?heartbeat=30");
        assertThat(URI.create(uri).getUserInfo()).isEqualTo("guestagent-" + NODE + ":" + account.password());
    }

    @Test
    void aUriWithoutCredentialsOrPathGetsTheAccountsCredentials() {
        GuestBrokerAccount account = GuestBrokerAccount.forNode(NODE, SECRET);

        assertThat(account.amqpUri("amqp://127.0.0.1:5672"))
                .isEqualTo("amqp://guestagent-" + NODE + ":" + account.password() + "@127.0.0.1:5672");
    }

    @Test
    void anUnreadableBrokerUriIsRefusedWithoutPrintingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> GuestBrokerAccount.forNode(NODE, SECRET).amqpUri("amqp://us er:pw@host"))
                .withMessageNotContaining("pw");
    }

    @Test
    void itsPasswordNeverPrints() {
        GuestBrokerAccount account = GuestBrokerAccount.forNode(NODE, SECRET);

        assertThat(account.toString()).contains(account.username()).doesNotContain(account.password());
    }
}
