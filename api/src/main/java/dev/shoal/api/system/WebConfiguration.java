package dev.shoal.api.system;

import dev.shoal.api.security.TenantPathGuard;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final TenantPathGuard tenantPathGuard;

    WebConfiguration(TenantPathGuard tenantPathGuard) {
        this.tenantPathGuard = tenantPathGuard;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(tenantPathGuard).addPathPatterns("/v1.0/**", "/v1/**");
    }
}
