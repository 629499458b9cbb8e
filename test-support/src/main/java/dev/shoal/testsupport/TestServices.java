package dev.shoal.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring test at its own fresh database and, for services on the bus, its own virtual host. */
public final class TestServices {

    /** Every queue a Shoal service declares, emptied before a suite starts. */
    private static final String[] SERVICE_QUEUES = {"taskmanager", "taskmanager.dlq", "conductor", "conductor.dlq"};

    private TestServices() {
    }

    /**
     * The key every test service encrypts node secrets with ({@code shoal.secrets.key}), never one of a real
     * deployment.
     */
    public static final String SECRETS_KEY = "c2hvYWwtdGVzdC1zZWNyZXRzLWtleS0zMi1ieXRlcyE=";

    public static void database(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.datasource.url", () -> TestDatabase.fresh(database));
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
        registry.add("shoal.secrets.key", () -> SECRETS_KEY);
    }

    public static void databaseAndBroker(DynamicPropertyRegistry registry, String database, String vhost) {
        database(registry, database);
        registry.add("spring.rabbitmq.addresses", () -> TestBroker.fresh(vhost, SERVICE_QUEUES));
    }
}
