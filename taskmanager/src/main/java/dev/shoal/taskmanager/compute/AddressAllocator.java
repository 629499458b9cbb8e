package dev.shoal.taskmanager.compute;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Collection;
import java.util.Set;

/**
 * Picks a node's loopback address: the lowest one at or above the first address that no live node holds and
 * on which nothing else listens on the datastore's port (a service bound to the wildcard takes every address).
 */
public final class AddressAllocator {

    static final int DATASTORE_PORT = 3306;
    private static final int LAST_HOST = 254;

    private final int[] first;

    public AddressAllocator(String firstAddress) {
        String[] parts = firstAddress.split("\\.");
        if (parts.length != 4 || !parts[0].equals("127") || parts[1].equals("0") && parts[2].equals("0")) {
            throw new IllegalArgumentException("the first node address must be in 127.0.0.0/8 outside 127.0.0.x: "
                    + firstAddress);
        }
        first = new int[] {Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), Integer.parseInt(parts[3])};
    }

    public String allocate(Collection<String> taken) {
        Set<String> held = Set.copyOf(taken);
        for (int b = first[0]; b <= 255; b++) {
            for (int c = (b == first[0] ? first[1] : 0); c <= 255; c++) {
                for (int d = (b == first[0] && c == first[1] ? first[2] : 1); d <= LAST_HOST; d++) {
                    String address = "127." + b + "." + c + "." + d;
                    if (!held.contains(address) && portFree(address)) {
                        return address;
                    }
                }
            }
        }
        throw new IllegalStateException("no free loopback address left for a node");
    }

    static boolean portFree(String address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), DATASTORE_PORT));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
