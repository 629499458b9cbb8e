package dev.shoal.api.secgroup;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A network in CIDR notation, IPv4 or IPv6, read strictly: no host bits set, no zone, no leading zeros in an IPv4
 * part (some tools read them as octal), no name to resolve. {@link #toString()} is its canonical text (IPv6
 * lowercase with the longest run of zero groups compressed, RFC 5952), which is what is stored and compared.
 */
public record Cidr(byte[] network, int prefix) {

    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
    private static final Pattern PREFIX = Pattern.compile("0|[1-9][0-9]{0,2}");

    public boolean isIpv6() {
        return network.length == 16;
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
        String address = value.substring(0, slash);
        String length = value.substring(slash + 1);
        Optional<byte[]> bytes = address.contains(":") ? ipv6(address) : ipv4(address);
        if (bytes.isEmpty()) {
            return Parsed.invalid("'" + address + "' is not an IPv4 or IPv6 address");
        }
        int max = bytes.get().length * 8;
        if (!PREFIX.matcher(length).matches() || Integer.parseInt(length) > max) {
            return Parsed.invalid("the prefix length of '" + value + "' must be 0 to " + max);
        }
        Cidr asked = new Cidr(bytes.get(), Integer.parseInt(length));
        Cidr network = asked.masked();
        if (!java.util.Arrays.equals(asked.network, network.network)) {
            return Parsed.invalid("'" + value + "' is not a network address (host bits are set); the network is "
                    + network);
        }
        return new Parsed(network, null);
    }

    private Cidr masked() {
        byte[] masked = network.clone();
        for (int bit = prefix; bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return new Cidr(masked, prefix);
    }

    private static Optional<byte[]> ipv4(String text) {
        if (!IPV4.matcher(text).matches()) {
            return Optional.empty();
        }
        String[] parts = text.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int part = Integer.parseInt(parts[i]);
            if (part > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) part;
        }
        return Optional.of(bytes);
    }

    /** RFC 4291 text: eight hex groups, one {@code ::} for a run of zero groups, an IPv4 tail allowed. */
    private static Optional<byte[]> ipv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return Optional.empty();
        }
        String head = gap < 0 ? text : text.substring(0, gap);
        String tail = gap < 0 ? "" : text.substring(gap + 2);
        Optional<int[]> before = groups(head, gap < 0);
        Optional<int[]> after = groups(tail, true);
        if (before.isEmpty() || after.isEmpty()) {
            return Optional.empty();
        }
        int count = before.get().length + after.get().length;
        if (gap < 0 ? count != 8 : count > 7) {
            return Optional.empty();
        }
        int[] all = new int[8];
        System.arraycopy(before.get(), 0, all, 0, before.get().length);
        System.arraycopy(after.get(), 0, all, 8 - after.get().length, after.get().length);
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[2 * i] = (byte) (all[i] >>> 8);
            bytes[2 * i + 1] = (byte) all[i];
        }
        return Optional.of(bytes);
    }

    /** @param mayEndInIpv4 whether the last group may be a dotted IPv4 address (two groups' worth) */
    private static Optional<int[]> groups(String text, boolean mayEndInIpv4) {
        if (text.isEmpty()) {
            return Optional.of(new int[0]);
        }
        String[] parts = text.split(":", -1);
        java.util.List<Integer> groups = new java.util.ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == parts.length - 1 && mayEndInIpv4 && part.contains(".")) {
                Optional<byte[]> v4 = ipv4(part);
                if (v4.isEmpty()) {
                    return Optional.empty();
                }
                groups.add((v4.get()[0] & 0xff) << 8 | (v4.get()[1] & 0xff));
                groups.add((v4.get()[2] & 0xff) << 8 | (v4.get()[3] & 0xff));
            } else if (HEX_GROUP.matcher(part).matches()) {
                groups.add(Integer.parseInt(part, 16));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(groups.stream().mapToInt(Integer::intValue).toArray());
    }

    @Override
    public String toString() {
        return (isIpv6() ? ipv6Text() : ipv4Text()) + "/" + prefix;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr cidr && cidr.prefix == prefix && java.util.Arrays.equals(cidr.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(network) + prefix;
    }

    private String ipv4Text() {
        return (network[0] & 0xff) + "." + (network[1] & 0xff) + "." + (network[2] & 0xff) + "." + (network[3] & 0xff);
    }

    private String ipv6Text() {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (network[2 * i] & 0xff) << 8 | (network[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
            i += length;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    /** A parse: the network, or why there is none. */
    public record Parsed(Cidr cidr, String problem) {

        static Parsed invalid(String problem) {
            return new Parsed(null, problem);
        }
    }
}
