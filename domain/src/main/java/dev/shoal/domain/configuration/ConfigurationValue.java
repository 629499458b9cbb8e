package dev.shoal.domain.configuration;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** One parameter's value in a configuration group, as text checked against its definition. */
@Entity
@Table(name = "configuration_values")
public class ConfigurationValue {

    @EmbeddedId
    private Key key;
    private String value;

    protected ConfigurationValue() {
    }

    public ConfigurationValue(UUID configurationId, String name, String value) {
        this.key = new Key(configurationId, name);
        this.value = value;
    }

    public String getName() {
        return key.name();
    }

    public String getValue() {
        return value;
    }

    @Embeddable
    public record Key(UUID configurationId, String name) implements Serializable {
    }
}
