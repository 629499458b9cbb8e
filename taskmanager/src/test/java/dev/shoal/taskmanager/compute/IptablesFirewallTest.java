package dev.shoal.taskmanager.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IptablesFirewallTest {

    @Test
    void anIptablesThatCannotRunIsNotUsableAndItsFailureIsReportedWithItsMessage() {
        IptablesFirewall missing = new IptablesFirewall("/nonexistent/iptables");

        assertThat(missing.usable()).isFalse();
        assertThatThrownBy(() -> missing.apply(new NodeFirewall("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
                "127.0.51.3", 3306, List.of()))).isInstanceOf(ComputeException.class)
                .hasMessageContaining("/nonexistent/iptables-restore");
    }

    @Test
    void theUnenforcedFirewallSaysSo() {
        FirewallReport report = new UnenforcedFirewall().apply(new NodeFirewall(
                "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", "127.0.51.3", 3306, List.of("10.0.0.0/8")));

        assertThat(report.enforced()).isFalse();
        assertThat(report.description()).contains("not enforced", "shoal.compute.local.firewall=none");
    }
}
