package dev.shoal.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.apache.qpid.server.logging.EventLogger;
import org.apache.qpid.server.security.access.config.AclFileParser;
import org.apache.qpid.server.security.access.config.RuleSet;
import org.junit.jupiter.api.Test;

class GuestAccessRulesTest {

    private static final String NODE_A = "3f1c2b7a-9d4e-4a51-8c3b-2e6f1a0d9b77";
    private static final String NODE_B = "0a9e4c1d-5b7f-4e2a-9c3d-8f6b1e2a7c40";

    @Test
    void eachNodeConsumesItsOwnQueueAndPublishesToTheConductorAndReplyQueuesAndAllElseIsDenied() {
        assertThat(GuestAccessRules.text("guest", List.of(NODE_A, NODE_B))).isEqualTo("""
                # Shoal's embedded broker: written by the control plane at each change of a guest's account
                ACL ALLOW guest ALL ALL
                ACL ALLOW guestagent-%1$s ACCESS VIRTUALHOST
                ACL ALLOW guestagent-%1$s CONSUME QUEUE name="guestagent.%1$s"
                ACL ALLOW guestagent-%1$s PUBLISH EXCHANGE name="shoal" routingkey="conductor"
                ACL ALLOW guestagent-%1$s PUBLISH EXCHANGE name="shoal" routingkey="taskmanager.replies.*"
                ACL ALLOW guestagent-%2$s ACCESS VIRTUALHOST
                ACL ALLOW guestagent-%2$s CONSUME QUEUE name="guestagent.%2$s"
                ACL ALLOW guestagent-%2$s PUBLISH EXCHANGE name="shoal" routingkey="conductor"
                ACL ALLOW guestagent-%2$s PUBLISH EXCHANGE name="shoal" routingkey="taskmanager.replies.*"
                ACL DENY-LOG ALL ALL
                """.formatted(NODE_B, NODE_A));
    }

    @Test
    void withoutNodesOnlyTheControlPlaneIsAllowed() {
        assertThat(GuestAccessRules.text("guest", List.of()))
                .endsWith("ACL ALLOW guest ALL ALL\nACL DENY-LOG ALL ALL\n");
    }

    @Test
    void qpidReadsEveryRule() {
        RuleSet rules = AclFileParser.parse(new StringReader(GuestAccessRules.text("guest", List.of(NODE_A, NODE_B))),
                EventLogger::new);

        assertThat(rules).hasSize(10);
    }
}
