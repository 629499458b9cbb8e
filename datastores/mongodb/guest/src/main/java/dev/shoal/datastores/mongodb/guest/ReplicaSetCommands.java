package dev.shoal.datastores.mongodb.guest;

import dev.shoal.contracts.Role;
import dev.shoal.contracts.guest.ClusterMember;
import dev.shoal.contracts.guest.ClusterMembers.Entry;
import dev.shoal.contracts.guest.ClusterStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * The replica set commands the manager sends, built from what it is asked and what mongod reports; no I/O, so
 * every document is checked by unit tests. {@link ReplicaSetRules} refuses what MongoDB would refuse or advise
 * against, with a message that says why.
 */
final class ReplicaSetCommands {

    /** The chosen primary wins the first election and stays preferred, so membership changes keep reaching it. */
    static final int PRIMARY_PRIORITY = 2;
    private static final Set<String> HEALTHY_STATES = Set.of("PRIMARY", "SECONDARY", "ARBITER");

    private ReplicaSetCommands() {
    }

    static Document initiate(String setName, String primaryAddress, List<Entry> members) {
        List<Document> config = new ArrayList<>();
        config.add(new Document("_id", 0).append("host", host(primaryAddress)).append("priority", PRIMARY_PRIORITY));
        Set<String> seen = new LinkedHashSet<>(List.of(primaryAddress));
        for (Entry entry : members) {
            if (entry.address().equals(primaryAddress) && entry.type().equals(ClusterMember.TYPE_ARBITER)) {
                throw new IllegalArgumentException(primaryAddress + " initiates the replica set as its primary;"
                        + " it cannot be an arbiter");
            }
            if (seen.add(entry.address())) {
                config.add(member(config.size(), entry));
            }
        }
        ReplicaSetRules.checkMembers(config);
        return new Document("replSetInitiate", new Document("_id", setName).append("members", config));
    }

    /**
     * A reconfiguration adding the entries not yet in {@code currentConfig} (the {@code config} of
     * {@code replSetGetConfig}), or empty when all are there, so a repeated request changes nothing.
     */
    static Optional<Document> reconfigAdding(Document currentConfig, List<Entry> entries) {
        List<Document> members = members(currentConfig);
        int nextId = members.stream().mapToInt(m -> m.getInteger("_id")).max().orElse(-1) + 1;
        List<Document> added = new ArrayList<>();
        for (Entry entry : entries) {
            boolean present = members.stream().anyMatch(m -> address(m.getString("host")).equals(entry.address()))
                    || added.stream().anyMatch(m -> address(m.getString("host")).equals(entry.address()));
            if (!present) {
                added.add(member(nextId++, entry));
            }
        }
        if (added.isEmpty()) {
            return Optional.empty();
        }
        ReplicaSetRules.checkOneVotingChange(added);
        members.addAll(added);
        ReplicaSetRules.checkMembers(members);
        return Optional.of(reconfig(currentConfig, members));
    }

    /** A reconfiguration without the given addresses, or empty when none of them is a member. */
    static Optional<Document> reconfigRemoving(Document currentConfig, String primaryAddress,
                                               List<String> addresses) {
        ReplicaSetRules.checkKeepsPrimary(primaryAddress, addresses);
        List<Document> members = members(currentConfig);
        List<Document> removed = members.stream().filter(m -> addresses.contains(address(m.getString("host"))))
                .toList();
        if (removed.isEmpty()) {
            return Optional.empty();
        }
        ReplicaSetRules.checkOneVotingChange(removed);
        members.removeAll(removed);
        ReplicaSetRules.checkDataBearingVoterLeft(members);
        return Optional.of(reconfig(currentConfig, members));
    }

    /** MongoDB's own view of the members, from a {@code replSetGetStatus} reply. */
    static ClusterStatus statusOf(Document replSetGetStatus) {
        List<ClusterStatus.Member> members = new ArrayList<>();
        for (Document member : replSetGetStatus.getList("members", Document.class, List.of())) {
            String state = member.getString("stateStr");
            Number health = member.get("health", Number.class);
            boolean healthy = health != null && health.doubleValue() == 1.0 && HEALTHY_STATES.contains(state);
            members.add(new ClusterStatus.Member(address(member.getString("name")), state, healthy));
        }
        return new ClusterStatus(members);
    }

    /**
     * Since MongoDB 5.0 a reconfiguration that changes the implicit default write concern (adding or removing an
     * arbiter does) fails until a cluster-wide default is set; majority keeps acknowledged writes durable.
     */
    static Document defaultWriteConcern() {
        return new Document("setDefaultRWConcern", 1)
                .append("defaultWriteConcern", new Document("w", "majority"))
                .append("writeConcern", new Document("w", "majority").append("wtimeout", 60_000));
    }

    /**
     * Whether a {@code getDefaultRWConcern} reply shows a cluster-wide write concern; newer servers may report the
     * implicit one too, marked by its source.
     */
    static boolean hasGlobalWriteConcern(Document getDefaultRWConcern) {
        String source = getDefaultRWConcern.getString("defaultWriteConcernSource");
        return source == null ? getDefaultRWConcern.containsKey("defaultWriteConcern") : source.equals("global");
    }

    static String host(String address) {
        return address + ":" + MongodConfig.PORT;
    }

    /** The bare address of a {@code host:port} member name. */
    static String address(String host) {
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private static Document member(int id, Entry entry) {
        Document member = new Document("_id", id).append("host", host(entry.address()));
        if (ClusterMember.TYPE_ARBITER.equals(entry.type())) {
            return member.append("arbiterOnly", true).append("priority", 0);
        }
        if (!ClusterMember.TYPE_MEMBER.equals(entry.type())) {
            throw new IllegalArgumentException(entry.address() + ": member type must be '"
                    + ClusterMember.TYPE_MEMBER + "' or '" + ClusterMember.TYPE_ARBITER + "', not '" + entry.type()
                    + "'");
        }
        return member.append("priority", 1);
    }

    private static List<Document> members(Document config) {
        List<Document> members = new ArrayList<>();
        config.getList("members", Document.class).forEach(m -> members.add(new Document(m)));
        return members;
    }

    private static Document reconfig(Document currentConfig, List<Document> members) {
        Document config = new Document(currentConfig);
        // the server sets the term of a new configuration itself
        config.remove("term");
        config.put("version", currentConfig.get("version", Number.class).intValue() + 1);
        config.put("members", members);
        return new Document("replSetReconfig", config);
    }

    /** What {@code hello} says this member is in its replica set's election; nothing outside a replica set. */
    static Optional<Role> electedRole(Document hello) {
        if (!hello.containsKey("setName")) {
            return Optional.empty();
        }
        if (hello.getBoolean("isWritablePrimary", false)) {
            return Optional.of(Role.PRIMARY);
        }
        if (hello.getBoolean("arbiterOnly", false)) {
            return Optional.of(Role.ARBITER);
        }
        return hello.getBoolean("secondary", false) ? Optional.of(Role.SECONDARY) : Optional.empty();
    }
}
