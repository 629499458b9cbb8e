package dev.shoal.api.system;

import dev.shoal.domain.task.Task;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.util.OnCommittedResponseWrapper;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A successful answer to a request that started a task carries {@code Operation-Location}, the address of the
 * task's operation, whichever controller answered: {@link TaskScheduler} notes the task on the request, and the header
 * is added just before the answer is committed. A request that starts several tasks points at its first.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class OperationLocationFilter extends OncePerRequestFilter {

    static final String HEADER = "Operation-Location";
    private static final String STARTED = OperationLocationFilter.class.getName() + ".started";

    /** Notes that the current request started {@code task}, if a request is what started it. */
    static void started(Task task) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(STARTED, RequestAttributes.SCOPE_REQUEST) == null) {
            request.setAttribute(STARTED, "/v1.0/" + task.getTenantId() + "/operations/" + task.getId(),
                    RequestAttributes.SCOPE_REQUEST);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String base = ServletUriComponentsBuilder.fromContextPath(request).toUriString();
        chain.doFilter(request, new OnCommittedResponseWrapper(response) {
            @Override
            protected void onResponseCommitted() {
                addLocation(request, response, base);
            }
        });
        // an answer without a body (202 to a delete) is committed only after the chain
        if (!response.isCommitted()) {
            addLocation(request, response, base);
        }
    }

    private static void addLocation(HttpServletRequest request, HttpServletResponse response, String base) {
        Object path = request.getAttribute(STARTED);
        // a refused request rolled its task back
        if (path != null && response.getStatus() < 400) {
            response.setHeader(HEADER, base + path);
        }
    }
}
