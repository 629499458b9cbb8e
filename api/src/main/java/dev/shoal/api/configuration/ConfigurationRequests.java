package dev.shoal.api.configuration;

import java.util.Map;

/** Trove's configuration group bodies: {@code {"configuration": {...}}}. */
final class ConfigurationRequests {

    private ConfigurationRequests() {
    }

    record Envelope(Body configuration) {
    }

    /** Values arrive as JSON numbers, booleans or strings; each is checked against its parameter's type. */
    record Body(String name, String description, Map<String, Object> values, Datastore datastore) {
    }

    record Datastore(String type, String version) {
    }
}
