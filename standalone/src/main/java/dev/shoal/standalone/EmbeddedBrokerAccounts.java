package dev.shoal.standalone;

import dev.shoal.taskmanager.broker.BrokerAccountException;
import dev.shoal.taskmanager.broker.GuestBrokerAccount;
import dev.shoal.taskmanager.broker.GuestBrokerAccounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Principal;
import java.security.PrivilegedAction;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.login.AccountNotFoundException;
import org.apache.qpid.server.model.AccessControlProvider;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.PasswordCredentialManagingAuthenticationProvider;
import org.apache.qpid.server.security.access.plugins.RuleBasedAccessControlProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guests' accounts in the embedded broker, through its configuration model in this JVM: a user of the broker's
 * password provider per node, and the broker's access rules ({@link GuestAccessRules}) written again from the users
 * there are, so that the rules and the accounts, both kept in the broker's configuration store, never disagree.
 */
final class EmbeddedBrokerAccounts implements GuestBrokerAccounts {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBrokerAccounts.class);
    static final String ACCESS_PROVIDER = "guest-access";
    private static final String GUEST_USER_PREFIX = GuestBrokerAccount.username("");

    private final Broker<?> broker;
    private final Subject system;
    private final String controlPlaneUser;
    private final Path rulesFile;

    private EmbeddedBrokerAccounts(Broker<?> broker, Principal system, String controlPlaneUser, Path rulesFile) {
        this.broker = broker;
        this.system = new Subject(true, Set.of(system), Set.of(), Set.of());
        this.controlPlaneUser = controlPlaneUser;
        this.rulesFile = rulesFile;
    }

    /**
     * Puts the access rules in force on a broker started before they existed, or before its last account change.
     *
     * @param system the broker's own principal: changes to its configuration are checked against the rules too
     */
    static EmbeddedBrokerAccounts enforce(Broker<?> broker, Principal system, String controlPlaneUser,
                                          Path rulesFile) {
        EmbeddedBrokerAccounts accounts = new EmbeddedBrokerAccounts(broker, system, controlPlaneUser, rulesFile);
        accounts.asSystem(accounts::applyRules);
        return accounts;
    }

    @Override
    public synchronized void ensure(GuestBrokerAccount account) {
        asSystem(() -> setUp(account));
    }

    @Override
    public synchronized void delete(String nodeId) {
        asSystem(() -> remove(nodeId));
    }

    private void asSystem(Runnable change) {
        Subject.doAs(system, (PrivilegedAction<Void>) () -> {
            change.run();
            return null;
        });
    }

    private void setUp(GuestBrokerAccount account) {
        PasswordCredentialManagingAuthenticationProvider<?> users = users();
        try {
            if (users.getUsers().containsKey(account.username())) {
                users.setPassword(account.username(), account.password());
            } else {
                users.createUser(account.username(), account.password(), Map.of());
            }
        } catch (AccountNotFoundException | RuntimeException e) {
            throw new BrokerAccountException("the embedded broker did not set up the account of node "
                    + account.nodeId() + ": " + e.getMessage(), e);
        }
        applyRules();
    }

    private void remove(String nodeId) {
        try {
            users().deleteUser(GuestBrokerAccount.username(nodeId));
            log.info("node {}: its broker account is deleted", nodeId);
        } catch (AccountNotFoundException e) {
            return;
        } catch (RuntimeException e) {
            throw new BrokerAccountException("the embedded broker did not delete the account of node " + nodeId
                    + ": " + e.getMessage(), e);
        }
        applyRules();
    }

    private void applyRules() {
        List<String> nodeIds = users().getUsers().keySet().stream()
                .filter(user -> user.startsWith(GUEST_USER_PREFIX))
                .map(user -> user.substring(GUEST_USER_PREFIX.length()))
                .toList();
        try {
            Path partial = Files.createTempFile(rulesFile.getParent(), ".guest-access", ".part",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(partial, GuestAccessRules.text(controlPlaneUser, nodeIds));
            Files.move(partial, rulesFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            accessProvider().loadFromFile(rulesFile.toString());
        } catch (IOException | RuntimeException e) {
            throw new BrokerAccountException("the embedded broker did not take its access rules from " + rulesFile
                    + ": " + e.getMessage(), e);
        }
    }

    private PasswordCredentialManagingAuthenticationProvider<?> users() {
        return broker.getAuthenticationProviders().stream()
                .filter(PasswordCredentialManagingAuthenticationProvider.class::isInstance)
                .map(provider -> (PasswordCredentialManagingAuthenticationProvider<?>) provider)
                .findFirst()
                .orElseThrow(() -> new BrokerAccountException("the embedded broker has no password provider"));
    }

    /**
     * Made on first use, admitting the control plane alone until the first load puts in the rules; before it exists
     * the broker checks nothing.
     */
    private RuleBasedAccessControlProvider<?> accessProvider() {
        AccessControlProvider<?> existing = broker.getChildByName(AccessControlProvider.class, ACCESS_PROVIDER);
        if (existing == null) {
            existing = broker.createChild(AccessControlProvider.class, Map.of(
                    AccessControlProvider.NAME, ACCESS_PROVIDER,
                    AccessControlProvider.TYPE, RuleBasedAccessControlProvider.RULE_BASED_TYPE,
                    RuleBasedAccessControlProvider.RULES, List.of(Map.of("identity", controlPlaneUser,
                            "objectType", "ALL", "operation", "ALL", "outcome", "ALLOW"))));
        }
        return (RuleBasedAccessControlProvider<?>) existing;
    }
}
