package dev.shoal.api.security;

import dev.shoal.api.system.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/** The tenant in the path must be the caller's own (any existing one for an operator), else 404. */
@Component
public class TenantPathGuard implements HandlerInterceptor {

    private final LiveTenants tenants;

    TenantPathGuard(LiveTenants tenants) {
        this.tenants = tenants;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables == null || !variables.containsKey("tenantId")) {
            return true;
        }
        String tenantId = variables.get("tenantId");
        Caller caller = caller();
        boolean allowed = caller.isOperator() ? tenants.isLive(tenantId, isRead(request))
                : tenantId.equals(caller.tenantId());
        if (!allowed) {
            throw ApiException.notFound("tenant " + tenantId);
        }
        return true;
    }

    private static boolean isRead(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    public static Caller caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Caller caller)) {
            throw new IllegalStateException("no authenticated caller");
        }
        return caller;
    }
}
