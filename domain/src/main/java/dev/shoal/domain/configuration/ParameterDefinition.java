package dev.shoal.domain.configuration;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** What a datastore version lets configuration groups set for one parameter, and how it takes effect. */
@Entity
@Table(name = "parameter_definitions")
public class ParameterDefinition {

    @EmbeddedId
    private Key key;
    private String type;
    private Long minValue;
    private Long maxValue;
    private String allowedValues;
    private boolean restartRequired;
    private boolean readOnly;
    private boolean hidden;
    private String description;

    protected ParameterDefinition() {
    }

    public String getName() {
        return key.name();
    }

    public String getType() {
        return type;
    }

    public Long getMinValue() {
        return minValue;
    }

    public Long getMaxValue() {
        return maxValue;
    }

    public List<String> getAllowedValues() {
        return allowedValues == null ? List.of() : Arrays.asList(allowedValues.split(","));
    }

    public boolean isRestartRequired() {
        return restartRequired;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public boolean isHidden() {
        return hidden;
    }

    public String getDescription() {
        return description;
    }

    @Embeddable
    public record Key(UUID datastoreVersionId, String name) implements Serializable {
    }
}
