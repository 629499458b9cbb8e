package dev.shoal.domain.configuration;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ConfigurationValueRepository extends JpaRepository<ConfigurationValue, ConfigurationValue.Key> {

    List<ConfigurationValue> findAllByKeyConfigurationIdOrderByKeyName(UUID configurationId);

    /** Flushes pending changes first and clears the persistence context, so values saved afterwards are inserted. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from ConfigurationValue v where v.key.configurationId = :configurationId")
    void deleteAllOf(UUID configurationId);

    default Map<String, String> valuesOf(UUID configurationId) {
        return findAllByKeyConfigurationIdOrderByKeyName(configurationId).stream()
                .collect(Collectors.toMap(ConfigurationValue::getName, ConfigurationValue::getValue,
                        (a, b) -> a, java.util.TreeMap::new));
    }
}
