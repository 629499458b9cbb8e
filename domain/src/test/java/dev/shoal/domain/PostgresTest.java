package dev.shoal.domain;

import dev.shoal.testsupport.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Base of persistence tests: the real migrations on a fresh database of the machine's PostgreSQL. */
public abstract class PostgresTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabase.fresh("shoal_domain_test"));
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
    }
}
