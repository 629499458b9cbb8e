package dev.shoal.datastores.mongodb.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.contracts.Role;
import dev.shoal.contracts.guest.ClusterMembers.Entry;
import dev.shoal.contracts.guest.ClusterStatus;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class ReplicaSetCommandsTest {

    @Test
    void initiatesWithTheChosenPrimaryFirstAndPreferred() {
        Document command = ReplicaSetCommands.initiate("rs-3f2a9c1e", "127.0.6.1",
                List.of(member("127.0.6.2"), arbiter("127.0.6.3")));

        assertThat(command.toJson()).isEqualTo(json("""
                {replSetInitiate: {_id: "rs-3f2a9c1e", members: [
                  {_id: 0, host: "127.0.6.1:27017", priority: 2},
                  {_id: 1, host: "127.0.6.2:27017", priority: 1},
                  {_id: 2, host: "127.0.6.3:27017", arbiterOnly: true, priority: 0}]}}"""));
    }

    @Test
    void initiateSkipsThePrimaryAndRepeatedAddressesAmongTheMembers() {
        Document command = ReplicaSetCommands.initiate("rs-a", "127.0.6.1",
                List.of(member("127.0.6.1"), member("127.0.6.2"), member("127.0.6.2")));

        assertThat(command.get("replSetInitiate", Document.class).getList("members", Document.class))
                .extracting(m -> m.getString("host")).containsExactly("127.0.6.1:27017", "127.0.6.2:27017");
    }

    @Test
    void refusesToInitiateWithThePrimaryAsArbiterOrAnUnknownType() {
        assertThatThrownBy(() -> ReplicaSetCommands.initiate("rs-a", "127.0.6.1", List.of(arbiter("127.0.6.1"))))
                .hasMessageContaining("cannot be an arbiter");
        assertThatThrownBy(() -> ReplicaSetCommands.initiate("rs-a", "127.0.6.1",
                List.of(new Entry("127.0.6.2", "hidden")))).hasMessageContaining("not 'hidden'");
    }

    @Test
    void refusesASecondArbiter() {
        assertThatThrownBy(() -> ReplicaSetCommands.initiate("rs-a", "127.0.6.1",
                List.of(arbiter("127.0.6.2"), arbiter("127.0.6.3"))))
                .hasMessage("a replica set gets at most one arbiter; this change would make 2");
        assertThatThrownBy(() -> ReplicaSetCommands.reconfigAdding(currentConfig(), List.of(arbiter("127.0.6.9"))))
                .hasMessageContaining("at most one arbiter");
    }

    @Test
    void refusesAnEighthVotingMember() {
        List<Entry> seven = List.of(member("127.0.6.2"), member("127.0.6.3"), member("127.0.6.4"),
                member("127.0.6.5"), member("127.0.6.6"), member("127.0.6.7"), member("127.0.6.8"));

        assertThatThrownBy(() -> ReplicaSetCommands.initiate("rs-a", "127.0.6.1", seven))
                .hasMessage("a replica set has at most 7 voting members; this change would make 8");
    }

    @Test
    void reconfigAddingKeepsMemberIdsGivesTheNextIdAndRaisesTheVersion() {
        Optional<Document> command = ReplicaSetCommands.reconfigAdding(currentConfig(), List.of(member("127.0.6.4")));

        assertThat(command.orElseThrow().toJson()).isEqualTo(json("""
                {replSetReconfig: {_id: "rs-a", version: 4, protocolVersion: 1, members: [
                  {_id: 0, host: "127.0.6.1:27017", arbiterOnly: false, priority: 2.0, votes: 1},
                  {_id: 3, host: "127.0.6.2:27017", arbiterOnly: false, priority: 1.0, votes: 1},
                  {_id: 5, host: "127.0.6.3:27017", arbiterOnly: true, priority: 0.0, votes: 1},
                  {_id: 6, host: "127.0.6.4:27017", priority: 1}],
                  settings: {chainingAllowed: true}}}"""));
    }

    @Test
    void reconfigAddingAnArbiterMarksItArbiterOnly() {
        Document config = Document.parse("{_id: 'rs-a', version: 1, members: [{_id: 0, host: '127.0.6.1:27017'}]}");

        Document added = ReplicaSetCommands.reconfigAdding(config, List.of(arbiter("127.0.6.3"))).orElseThrow();

        assertThat(added.get("replSetReconfig", Document.class).getList("members", Document.class).get(1).toJson())
                .isEqualTo(json("{_id: 1, host: '127.0.6.3:27017', arbiterOnly: true, priority: 0}"));
    }

    @Test
    void reconfigAddingMembersAlreadyThereChangesNothing() {
        assertThat(ReplicaSetCommands.reconfigAdding(currentConfig(), List.of(member("127.0.6.2")))).isEmpty();
    }

    @Test
    void reconfigAddsOneVotingMemberAtATime() {
        assertThatThrownBy(() -> ReplicaSetCommands.reconfigAdding(currentConfig(),
                List.of(member("127.0.6.4"), member("127.0.6.5"))))
                .hasMessageContaining("one reconfiguration changes at most one voting member, not 2");
    }

    @Test
    void reconfigRemovingDropsTheMemberAndKeepsTheOthersIds() {
        Document command = ReplicaSetCommands.reconfigRemoving(currentConfig(), "127.0.6.1", List.of("127.0.6.2"))
                .orElseThrow();

        Document config = command.get("replSetReconfig", Document.class);
        assertThat(config.getInteger("version")).isEqualTo(4);
        assertThat(config).doesNotContainKey("term");
        assertThat(config.getList("members", Document.class)).extracting(m -> m.getInteger("_id"))
                .containsExactly(0, 5);
    }

    @Test
    void reconfigRemovingAnAbsentMemberChangesNothing() {
        assertThat(ReplicaSetCommands.reconfigRemoving(currentConfig(), "127.0.6.1", List.of("127.0.6.9")))
                .isEmpty();
    }

    @Test
    void refusesToRemoveThePrimaryItself() {
        assertThatThrownBy(() -> ReplicaSetCommands.reconfigRemoving(currentConfig(), "127.0.6.1",
                List.of("127.0.6.1"))).hasMessageContaining("127.0.6.1 is the primary that changes membership");
    }

    @Test
    void refusesToRemoveTheLastVotingMemberThatHoldsData() {
        Document config = Document.parse("{_id: 'rs-a', version: 2, members: ["
                + "{_id: 0, host: '127.0.6.1:27017', votes: 0}, {_id: 1, host: '127.0.6.2:27017'},"
                + "{_id: 2, host: '127.0.6.3:27017', arbiterOnly: true}]}");

        assertThatThrownBy(() -> ReplicaSetCommands.reconfigRemoving(config, "127.0.6.1", List.of("127.0.6.2")))
                .hasMessage("the last voting member that holds data cannot be removed");
    }

    @Test
    void statusNamesMembersByAddressAndCountsOnlyServingStatesHealthy() {
        Document reply = Document.parse("{set: 'rs-a', ok: 1.0, members: ["
                + "{_id: 0, name: '127.0.6.1:27017', health: 1.0, state: 1, stateStr: 'PRIMARY'},"
                + "{_id: 1, name: '127.0.6.2:27017', health: 1.0, state: 5, stateStr: 'STARTUP2'},"
                + "{_id: 2, name: '127.0.6.3:27017', health: 1.0, state: 7, stateStr: 'ARBITER'},"
                + "{_id: 3, name: '127.0.6.4:27017', health: 0.0, state: 8, stateStr: '(not reachable/healthy)'}]}");

        assertThat(ReplicaSetCommands.statusOf(reply).members()).containsExactly(
                new ClusterStatus.Member("127.0.6.1", "PRIMARY", true),
                new ClusterStatus.Member("127.0.6.2", "STARTUP2", false),
                new ClusterStatus.Member("127.0.6.3", "ARBITER", true),
                new ClusterStatus.Member("127.0.6.4", "(not reachable/healthy)", false));
    }

    @Test
    void setsAMajorityDefaultWriteConcernSoArbiterChangesAreAccepted() {
        assertThat(ReplicaSetCommands.defaultWriteConcern().toJson()).isEqualTo(json(
                "{setDefaultRWConcern: 1, defaultWriteConcern: {w: 'majority'},"
                        + " writeConcern: {w: 'majority', wtimeout: 60000}}"));
    }

    @Test
    void tellsAGlobalDefaultWriteConcernFromTheImplicitOne() {
        assertThat(ReplicaSetCommands.hasGlobalWriteConcern(Document.parse(
                "{defaultWriteConcern: {w: 'majority', wtimeout: 0}, defaultWriteConcernSource: 'implicit'}")))
                .isFalse();
        assertThat(ReplicaSetCommands.hasGlobalWriteConcern(Document.parse(
                "{defaultWriteConcern: {w: 'majority', wtimeout: 0}, defaultWriteConcernSource: 'global'}")))
                .isTrue();
        assertThat(ReplicaSetCommands.hasGlobalWriteConcern(Document.parse("{defaultWriteConcern: {w: 1}}")))
                .isTrue();
        assertThat(ReplicaSetCommands.hasGlobalWriteConcern(Document.parse("{ok: 1.0}"))).isFalse();
    }

    /** As replSetGetConfig reports it: ids with gaps from earlier removals, the term the server sets. */
    private static Document currentConfig() {
        return Document.parse("""
                {_id: "rs-a", version: 3, term: 2, protocolVersion: 1, members: [
                  {_id: 0, host: "127.0.6.1:27017", arbiterOnly: false, priority: 2.0, votes: 1},
                  {_id: 3, host: "127.0.6.2:27017", arbiterOnly: false, priority: 1.0, votes: 1},
                  {_id: 5, host: "127.0.6.3:27017", arbiterOnly: true, priority: 0.0, votes: 1}],
                  settings: {chainingAllowed: true}}""");
    }

    private static Entry member(String address) {
        return new Entry(address, "member");
    }

    private static Entry arbiter(String address) {
        return new Entry(address, "arbiter");
    }

    private static String json(String relaxed) {
        return Document.parse(relaxed).toJson();
    }

    @Test
    void aMembersElectedPartIsWhatHelloSays() {
        Document set = new Document("setName", "rs");

        assertThat(ReplicaSetCommands.electedRole(new Document(set).append("isWritablePrimary", true)))
                .contains(Role.PRIMARY);
        assertThat(ReplicaSetCommands.electedRole(new Document(set).append("secondary", true)))
                .contains(Role.SECONDARY);
        assertThat(ReplicaSetCommands.electedRole(new Document(set).append("arbiterOnly", true)))
                .contains(Role.ARBITER);
        assertThat(ReplicaSetCommands.electedRole(new Document(set))).as("recovering, or starting up").isEmpty();
        assertThat(ReplicaSetCommands.electedRole(new Document("isWritablePrimary", true)))
                .as("not yet in a replica set").isEmpty();
    }
}
