package dev.shoal.taskmanager.broker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RabbitGuestPermissionsTest {

    private static final String NODE = "3f1c2b7a-9d4e-4a51-8c3b-2e6f1a0d9b77";

    private final RabbitGuestPermissions permissions = RabbitGuestPermissions.forNode(NODE);

    @Test
    void configuresNothingWritesOnlyTheShoalExchangeAndReadsOnlyItsOwnQueue() {
        assertThat(permissions.configure()).isEqualTo("^$");
        assertThat(permissions.write()).isEqualTo("^shoal$");
        assertThat(permissions.read()).isEqualTo("^guestagent\\.3f1c2b7a-9d4e-4a51-8c3b-2e6f1a0d9b77$");
        assertThat("guestagent.3f1c2b7a-9d4e-4a51-8c3b-2e6f1a0d9b77").matches(permissions.read());
        assertThat("guestagentX3f1c2b7a-9d4e-4a51-8c3b-2e6f1a0d9b77").doesNotMatch(permissions.read());
        assertThat("amq.default").doesNotMatch(permissions.write());
    }

    @Test
    void publishesOnTheShoalExchangeOnlyToTheConductorAndReplyQueues() {
        assertThat(permissions.topicExchange()).isEqualTo("shoal");
        assertThat(permissions.mayPublish("conductor")).isTrue();
        assertThat(permissions.mayPublish("taskmanager.replies.5b0e")).isTrue();
        assertThat(permissions.mayPublish("taskmanager")).isFalse();
        assertThat(permissions.mayPublish("taskmanager.replies.")).isFalse();
        assertThat(permissions.mayPublish("taskmanagerXreplies.5b0e")).isFalse();
        assertThat(permissions.mayPublish("guestagent." + NODE)).isFalse();
        assertThat(permissions.mayPublish("conductor.dlq")).isFalse();
        assertThat(permissions.topicRead()).isEqualTo("^$");
    }
}
