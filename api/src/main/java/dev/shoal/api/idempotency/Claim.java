package dev.shoal.api.idempotency;

import java.util.UUID;

/** What claiming a key for a request found. */
sealed interface Claim {

    /** The request is this key's to process; only this claim may complete or release it. */
    record Granted(KeyScope scope, String key, UUID claimId) implements Claim {
    }

    /** The key's first request, the same as this one, was answered: the retry gets that answer. */
    record Answered(StoredResponse response) implements Claim {
    }

    /** The key was first used for another request. */
    record Reused() implements Claim {
    }

    /** The key's first request, the same as this one, is still being processed. */
    record InFlight() implements Claim {
    }
}
