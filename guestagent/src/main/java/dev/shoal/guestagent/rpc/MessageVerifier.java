package dev.shoal.guestagent.rpc;

import dev.shoal.contracts.Envelope;
import dev.shoal.contracts.MalformedMessageException;
import dev.shoal.contracts.MessageCodec;
import dev.shoal.contracts.MessageSigner;
import dev.shoal.contracts.NodeSecret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Guests trust nothing they did not get from their own task manager: a message must be signed with this
 * node's secret, addressed to this node, recent, and not seen before. A task manager of the release before
 * this guest's may still send to it; one of a later wire version than this guest knows is not understood.
 */
public final class MessageVerifier {

    static final Duration MAX_AGE = Duration.ofMinutes(10);
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(1);
    private static final int REMEMBERED_IDS = 10_000;

    private final String nodeId;
    private final NodeSecret secret;
    private final MessageCodec codec;
    private final Clock clock;
    private final Set<String> seen = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_IDS;
        }
    });

    public MessageVerifier(String nodeId, NodeSecret secret, MessageCodec codec, Clock clock) {
        this.nodeId = nodeId;
        this.secret = secret;
        this.codec = codec;
        this.clock = clock;
    }

    /** @return the envelope if the message may be acted on, or the reason it is dropped */
    public synchronized Verdict verify(byte[] body, String signature) {
        if (!MessageSigner.verify(secret, body, signature)) {
            return Verdict.drop("bad or missing signature");
        }
        Envelope envelope;
        try {
            envelope = codec.decode(body);
        } catch (MalformedMessageException e) {
            return Verdict.drop("malformed envelope");
        }
        if (!Envelope.readable(envelope.version())) {
            return Verdict.drop("wire version " + envelope.version() + "; this guest reads "
                    + Envelope.OLDEST_SUPPORTED + " to " + Envelope.CURRENT_VERSION);
        }
        if (!nodeId.equals(envelope.nodeId())) {
            return Verdict.drop("addressed to node " + envelope.nodeId());
        }
        Instant now = clock.instant();
        if (envelope.sentAt().isBefore(now.minus(MAX_AGE))) {
            return Verdict.drop("stale: sent " + envelope.sentAt());
        }
        if (envelope.sentAt().isAfter(now.plus(MAX_CLOCK_SKEW))) {
            return Verdict.drop("sent in the future: " + envelope.sentAt());
        }
        if (!seen.add(envelope.id())) {
            return Verdict.drop("replay of message " + envelope.id());
        }
        return new Verdict(Optional.of(envelope), null);
    }

    public record Verdict(Optional<Envelope> envelope, String reason) {

        static Verdict drop(String reason) {
            return new Verdict(Optional.empty(), reason);
        }

        public boolean accepted() {
            return envelope.isPresent();
        }
    }
}
