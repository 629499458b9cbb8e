package dev.shoal.taskmanager.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AddressAllocatorTest {

    @Test
    void picksTheLowestAddressNoLiveNodeHolds() {
        AddressAllocator allocator = new AddressAllocator("127.0.9.1");
        assertThat(allocator.allocate(List.of())).isEqualTo("127.0.9.1");
        assertThat(allocator.allocate(List.of("127.0.9.1", "127.0.9.2"))).isEqualTo("127.0.9.3");
    }

    @Test
    void continuesIntoTheNextBlock() {
        AddressAllocator allocator = new AddressAllocator("127.0.9.254");
        assertThat(allocator.allocate(List.of("127.0.9.254"))).isEqualTo("127.0.10.1");
    }

    @Test
    void neverHandsOutTheHostsOwnBlock() {
        assertThatThrownBy(() -> new AddressAllocator("127.0.0.5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AddressAllocator("10.0.0.1")).isInstanceOf(IllegalArgumentException.class);
    }
}
