package dev.shoal.contracts.guest;

import tools.jackson.databind.JsonNode;

/** Answer to a guest call, sent to the caller's reply queue and signed like every guest message. */
public record Reply(boolean ok, String error, JsonNode result) {

    public static Reply success(JsonNode result) {
        return new Reply(true, null, result);
    }

    public static Reply failure(String error) {
        return new Reply(false, error, null);
    }
}
