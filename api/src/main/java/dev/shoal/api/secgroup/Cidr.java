package dev.shoal.api.secgroup;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import java.util.regex.Pattern;

/**
 * A network in CIDR notation, IPv4 or IPv6, read strictly (the IPAddress library with every lenient form turned
 * off): no host bits set, no zone, no leading zeros in an IPv4 part (some tools read them as octal), no range, no
 * name to resolve. {@link #toString()} is its canonical text (IPv6 lowercase with the longest run of zero groups
 * compressed, RFC 5952), which is what is stored and compared.
 */
public record Cidr(IPAddress network, int prefix) {

    private static final Pattern PREFIX = Pattern.compile("0|[1-9][0-9]{0,2}");
    private static final IPAddressStringParameters STRICT = strict();

    public boolean isIpv6() {
        return network.isIPv6();
    }

    /**
     * @return the network, or the reason the text is none (a sentence naming what is wrong)
     */
    public static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            return Parsed.invalid("is required");
        }
        String value = text.strip();
        int slash = value.indexOf('/');
        if (slash < 0) {
            return Parsed.invalid("'" + value + "' needs a prefix length, e.g. " + value
                    + (value.contains(":") ? "/128" : "/32"));
        }
        String addressText = value.substring(0, slash);
        String length = value.substring(slash + 1);
        IPAddress address;
        try {
            address = new IPAddressString(addressText, STRICT).toAddress();
        } catch (AddressStringException e) {
            return Parsed.invalid("'" + addressText + "' is not an IPv4 or IPv6 address");
        }
        int max = address.getBitCount();
        if (!PREFIX.matcher(length).matches() || Integer.parseInt(length) > max) {
            return Parsed.invalid("the prefix length of '" + value + "' must be 0 to " + max);
        }
        int prefix = Integer.parseInt(length);
        Cidr network = new Cidr(address.toZeroHost(prefix).withoutPrefixLength(), prefix);
        if (!network.network.equals(address)) {
            return Parsed.invalid("'" + value + "' is not a network address (host bits are set); the network is "
                    + network);
        }
        return new Parsed(network, null);
    }

    @Override
    public String toString() {
        return network.toCanonicalString() + "/" + prefix;
    }

    private static IPAddressStringParameters strict() {
        IPAddressStringParameters.Builder builder = new IPAddressStringParameters.Builder();
        builder.allowEmpty(false);
        builder.allowAll(false);
        builder.allowSingleSegment(false);
        builder.allowPrefix(false);
        builder.allowMask(false);
        builder.allowPrefixOnly(false);
        builder.allowWildcardedSeparator(false);
        builder.setRangeOptions(RangeParameters.NO_RANGE);
        builder.allow_inet_aton(false);
        builder.getIPv4AddressParametersBuilder().allowLeadingZeros(false);
        builder.getIPv6AddressParametersBuilder().allowZone(false);
        return builder.toParams();
    }

    /** A parse: the network, or why there is none. */
    public record Parsed(Cidr cidr, String problem) {

        static Parsed invalid(String problem) {
            return new Parsed(null, problem);
        }
    }
}
