package dev.shoal.standalone;

import dev.shoal.contracts.Routing;
import dev.shoal.taskmanager.broker.GuestBrokerAccount;
import java.util.Collection;

/**
 * The embedded broker's access control list, in Qpid's ACL file format: the control plane may do anything, each
 * node's account may only consume its own queue and publish to the shoal exchange with the conductor's routing key
 * or a task manager's reply queue's, and everyone else nothing. Qpid applies the first rule that matches.
 */
final class GuestAccessRules {

    private GuestAccessRules() {
    }

    static String text(String controlPlaneUser, Collection<String> nodeIds) {
        StringBuilder acl = new StringBuilder("""
                # Shoal's embedded broker: written by the control plane at each change of a guest's account
                ACL ALLOW %s ALL ALL
                """.formatted(controlPlaneUser));
        nodeIds.stream().sorted().forEach(nodeId -> {
            String user = GuestBrokerAccount.username(nodeId);
            acl.append("ACL ALLOW ").append(user).append(" ACCESS VIRTUALHOST\n");
            acl.append("ACL ALLOW ").append(user).append(" CONSUME QUEUE name=\"")
                    .append(Routing.guestQueue(nodeId)).append("\"\n");
            acl.append("ACL ALLOW ").append(user).append(" PUBLISH EXCHANGE name=\"").append(Routing.EXCHANGE)
                    .append("\" routingkey=\"").append(Routing.CONDUCTOR_QUEUE).append("\"\n");
            acl.append("ACL ALLOW ").append(user).append(" PUBLISH EXCHANGE name=\"").append(Routing.EXCHANGE)
                    .append("\" routingkey=\"").append(Routing.replyQueuePrefix()).append("*\"\n");
        });
        return acl.append("ACL DENY-LOG ALL ALL\n").toString();
    }
}
