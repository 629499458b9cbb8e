package dev.shoal.datastores.mongodb.guest;

import java.util.List;
import org.bson.Document;

/** What a replica set configuration must satisfy before it is sent; each refusal says what MongoDB requires. */
final class ReplicaSetRules {

    static final int MAX_VOTING_MEMBERS = 7;

    private ReplicaSetRules() {
    }

    static void checkMembers(List<Document> members) {
        long voting = members.stream().filter(ReplicaSetRules::votes).count();
        if (voting > MAX_VOTING_MEMBERS) {
            throw new IllegalArgumentException("a replica set has at most " + MAX_VOTING_MEMBERS
                    + " voting members; this change would make " + voting);
        }
        long arbiters = members.stream().filter(ReplicaSetRules::arbiter).count();
        if (arbiters > 1) {
            // MongoDB advises against more than one arbiter: each adds a vote but no copy of the data
            throw new IllegalArgumentException("a replica set gets at most one arbiter; this change would make "
                    + arbiters);
        }
        checkDataBearingVoterLeft(members);
    }

    static void checkKeepsPrimary(String primaryAddress, List<String> removed) {
        if (removed.contains(primaryAddress)) {
            throw new IllegalArgumentException(primaryAddress + " is the primary that changes membership; it"
                    + " cannot remove itself (step it down and ask the new primary)");
        }
    }

    static void checkDataBearingVoterLeft(List<Document> members) {
        if (members.stream().noneMatch(m -> votes(m) && !arbiter(m))) {
            throw new IllegalArgumentException("the last voting member that holds data cannot be removed");
        }
    }

    /** Since MongoDB 4.4 one reconfiguration adds or removes at most one voting member. */
    static void checkOneVotingChange(List<Document> changed) {
        long voting = changed.stream().filter(ReplicaSetRules::votes).count();
        if (voting > 1) {
            throw new IllegalArgumentException("one reconfiguration changes at most one voting member, not "
                    + voting + " (MongoDB safe reconfiguration)");
        }
    }

    private static boolean votes(Document member) {
        Number votes = member.get("votes", Number.class);
        return votes == null || votes.intValue() > 0;
    }

    private static boolean arbiter(Document member) {
        return member.getBoolean("arbiterOnly", false);
    }
}
