package dev.shoal.api.idempotency;

/**
 * The answer to a key's first request, as a retry gets it back: its status, its body and the headers that say what
 * the body is and where the result lives. Sizes are those of the {@code idempotency_keys} columns; an answer that
 * does not fit is not kept (its key is released, so a retry is processed again).
 */
record StoredResponse(int status, String contentType, String location, String operationLocation, byte[] body) {

    static final int MAX_HEADER = 2048;
    static final int MAX_CONTENT_TYPE = 255;
    static final int MAX_BODY = 1024 * 1024;

    static final String OPERATION_LOCATION = "Operation-Location";

    boolean fits() {
        return fits(contentType, MAX_CONTENT_TYPE) && fits(location, MAX_HEADER) && fits(operationLocation, MAX_HEADER)
                && body.length <= MAX_BODY;
    }

    private static boolean fits(String value, int size) {
        return value == null || value.length() <= size;
    }
}
