package dev.shoal.guest.spi.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shoal.guest.spi.Resizable;
import org.junit.jupiter.api.Test;

/**
 * What a datastore sized by its flavor's memory does against its real server: more memory gives it a larger cache at
 * once, the same size asked again changes nothing, and the size it was prepared with gives its cache back.
 */
public interface ResizableContract {

    Resizable resizable();

    /** The memory the node was prepared with, in MB. */
    int preparedMemoryMb();

    @Test
    default void moreMemoryGivesALargerCacheAtOnceAndTheSameSizeAgainChangesNothing() throws Exception {
        long prepared = resizable().resetConfiguration(preparedMemoryMb());
        try {
            long larger = resizable().resetConfiguration(preparedMemoryMb() * 2);

            assertThat(larger).isGreaterThan(prepared);
            assertThat(resizable().resetConfiguration(preparedMemoryMb() * 2)).isEqualTo(larger);
        } finally {
            assertThat(resizable().resetConfiguration(preparedMemoryMb())).isEqualTo(prepared);
        }
    }
}
