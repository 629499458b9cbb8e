package dev.shoal.api;

import jakarta.servlet.Filter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements an HTTP request sends, whether Hibernate or a {@code JdbcClient} sends them: every
 * connection the data source hands out reports the statements prepared on it while a request is being served on
 * that thread. Background work (the outbox relay, schedules) runs on threads of its own and is not counted.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

    private static final Set<String> PREPARING = Set.of("prepareStatement", "createStatement", "prepareCall");
    private static final ThreadLocal<AtomicInteger> CURRENT = new ThreadLocal<>();
    private static volatile int lastRequest = -1;

    /** Statements the last request finished sent, token lookup and all. */
    public static int lastRequest() {
        return lastRequest;
    }

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource ? new Counting(dataSource) : bean;
            }
        };
    }

    @Bean
    FilterRegistrationBean<Filter> countingRequests() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            AtomicInteger count = new AtomicInteger();
            CURRENT.set(count);
            try {
                chain.doFilter(request, response);
            } finally {
                CURRENT.remove();
                lastRequest = count.get();
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static final class Counting extends DelegatingDataSource {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws java.sql.SQLException {
            return counted(super.getConnection());
        }

        @Override
        public Connection getConnection(String user, String password) throws java.sql.SQLException {
            return counted(super.getConnection(user, password));
        }

        private static Connection counted(Connection connection) {
            return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        AtomicInteger count = CURRENT.get();
                        if (count != null && PREPARING.contains(method.getName())) {
                            count.incrementAndGet();
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
