package dev.shoal.guest.spi.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.contracts.guest.AppliedConfiguration;
import dev.shoal.contracts.guest.ConfigurationOverrides;
import dev.shoal.guest.spi.Configurable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a datastore with configuration groups does against its real server, on a node its test prepared: a value it
 * changes live runs at once, the same values applied again change nothing, and values taken away give back the
 * server's own.
 */
public interface ConfigurableContract {

    /** The prepared node's configuration. */
    Configurable configurable();

    /** A parameter the datastore changes live. */
    String liveParameter();

    /** A value of {@link #liveParameter()} other than the server's own, as the server reports it back. */
    String liveValue();

    @Test
    default void aLiveValueRunsAtOnceWithoutARestart() throws Exception {
        AppliedConfiguration applied = apply(Map.of(liveParameter(), liveValue()));

        assertThat(applied.restartRequired()).doesNotContain(liveParameter());
        assertThat(applied.running()).containsEntry(liveParameter(), liveValue());
    }

    @Test
    default void theSameValuesAppliedAgainChangeNothing() throws Exception {
        AppliedConfiguration first = apply(Map.of(liveParameter(), liveValue()));

        assertThat(apply(Map.of(liveParameter(), liveValue()))).isEqualTo(first);
    }

    @Test
    default void valuesTakenAwayGiveBackTheServersOwn() throws Exception {
        String own = apply(Map.of()).running().get(liveParameter());
        assertThat(own).as("the server's own value").isNotNull().isNotEqualTo(liveValue());
        apply(Map.of(liveParameter(), liveValue()));

        AppliedConfiguration removed = apply(Map.of());

        assertThat(removed.running()).containsEntry(liveParameter(), own);
        assertThat(removed.restartRequired()).doesNotContain(liveParameter());
    }

    private AppliedConfiguration apply(Map<String, String> values) throws Exception {
        return configurable().applyOverrides(new ConfigurationOverrides(values, List.of(liveParameter())));
    }
}
