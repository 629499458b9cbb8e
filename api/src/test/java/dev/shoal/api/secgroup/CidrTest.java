package dev.shoal.api.secgroup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    @ParameterizedTest
    @CsvSource({
            "10.0.0.0/8, 10.0.0.0/8",
            "0.0.0.0/0, 0.0.0.0/0",
            "127.0.99.0/24, 127.0.99.0/24",
            "192.168.1.7/32, 192.168.1.7/32",
            "' 172.16.0.0/12 ', 172.16.0.0/12",
            "::/0, ::/0",
            "2001:DB8::/32, 2001:db8::/32",
            "2001:0db8:0000:0000:0000:0000:0000:0000/32, 2001:db8::/32",
            "fe80:0:0:0:0:0:0:1/128, fe80::1/128",
            "2001:db8:0:1:0:0:0:0/64, 2001:db8:0:1::/64",
            "2001:0:0:1:0:0:0:0/64, 2001:0:0:1::/64",
            "1:0:0:2:0:0:0:3/128, 1:0:0:2::3/128",
            "1:0:0:2:2:0:0:3/128, 1::2:2:0:0:3/128",
            "1:0:2:0:3:0:4:0/128, 1:0:2:0:3:0:4:0/128",
            "::ffff:10.1.2.3/128, ::ffff:a01:203/128",
            "::1/128, ::1/128"})
    void acceptsNetworksAndWritesThemCanonically(String text, String canonical) {
        Cidr.Parsed parsed = Cidr.parse(text);

        assertThat(parsed.problem()).isNull();
        assertThat(parsed.cidr()).hasToString(canonical);
        assertThat(Cidr.parse(canonical).cidr()).as("the canonical text reads back the same").isEqualTo(parsed.cidr());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0", "2001:db8::"})
    void anAddressWithoutPrefixLengthIsRefusedWithAHint(String text) {
        assertThat(Cidr.parse(text).problem()).contains("needs a prefix length", text + "/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0/8", "256.0.0.0/8", "10.0.0.01/32", "010.0.0.0/8", "10.0.0.0.0/8", "a.b.c.d/8",
            "localhost/32", "example.com/24", "1::2::3/128", "2001:db8:::/48", "12345::/16", "g::/16",
            "1:2:3:4:5:6:7:8:9/128", "1:2:3:4:5:6:7/128", "1:2:3:4:5:6:7:8::/128", "fe80::1%eth0/128",
            ":1/128", "::1.2.3/128", "/8"})
    void refusesWhatIsNoAddress(String text) {
        assertThat(Cidr.parse(text).problem()).contains("is not an IPv4 or IPv6 address");
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.0/33, 32", "10.0.0.0/-1, 32", "10.0.0.0/08, 32", "10.0.0.0/, 32", "::/129, 128",
            "10.0.0.0/x, 32"})
    void refusesPrefixLengthsOutOfRange(String text, int max) {
        assertThat(Cidr.parse(text).problem()).contains("prefix length", "0 to " + max);
    }

    @Test
    void refusesHostBitsAndNamesTheNetwork() {
        assertThat(Cidr.parse("10.1.2.3/8").problem()).contains("not a network address", "10.0.0.0/8");
        assertThat(Cidr.parse("127.0.99.1/24").problem()).contains("127.0.99.0/24");
        assertThat(Cidr.parse("2001:db8::1/64").problem()).contains("2001:db8::/64");
        assertThat(Cidr.parse("0.0.0.1/0").problem()).contains("0.0.0.0/0");
    }

    @Test
    void blankIsRequired() {
        assertThat(Cidr.parse(null).problem()).isEqualTo("is required");
        assertThat(Cidr.parse("  ").problem()).isEqualTo("is required");
    }

    @Test
    void tellsIpv6FromIpv4() {
        assertThat(Cidr.parse("::/0").cidr().isIpv6()).isTrue();
        assertThat(Cidr.parse("0.0.0.0/0").cidr().isIpv6()).isFalse();
    }
}
