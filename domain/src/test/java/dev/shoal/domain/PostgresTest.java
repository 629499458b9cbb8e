package dev.shoal.domain;

import dev.shoal.testsupport.TestServices;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Base of persistence tests: the real migrations on a fresh database of the machine's PostgreSQL. */
public abstract class PostgresTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestServices.database(registry, "shoal_domain_test");
    }
}
