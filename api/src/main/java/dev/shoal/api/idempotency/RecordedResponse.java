package dev.shoal.api.idempotency;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Holds the answer back until it has been kept. An answer sent with {@code sendError} is written later, by the
 * error page, and so cannot be kept: it is only noted.
 */
final class RecordedResponse extends ContentCachingResponseWrapper {

    private boolean sentError;

    RecordedResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public void sendError(int status) throws IOException {
        sentError = true;
        super.sendError(status);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        sentError = true;
        super.sendError(status, message);
    }

    /**
     * @return the answer to keep; none for a 5xx (the client may retry it), for an error page, or for an answer too
     * large to keep
     */
    Optional<StoredResponse> toKeep() {
        if (sentError || getStatus() >= 500) {
            return Optional.empty();
        }
        StoredResponse response = new StoredResponse(getStatus(), getContentType(), getHeader(HttpHeaders.LOCATION),
                getHeader(StoredResponse.OPERATION_LOCATION), getContentAsByteArray());
        return Optional.of(response).filter(StoredResponse::fits);
    }
}
