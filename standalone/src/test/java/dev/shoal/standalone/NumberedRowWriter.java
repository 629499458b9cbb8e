package dev.shoal.standalone;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client that commits numbered rows through whichever node takes them, and notes each acknowledged one with where
 * and when: what a failover must not lose.
 */
final class NumberedRowWriter implements Runnable {

    /** Commits row {@code id} on the node at {@code address}, or throws when the node refuses or cannot be reached. */
    interface Insert {
        void into(String address, int id) throws SQLException;
    }

    private final List<String> addresses;
    private final int firstRow;
    private final Insert insert;
    private final Duration writing;
    private final Map<Integer, String> acked = new ConcurrentHashMap<>();
    private final Map<Integer, Instant> ackedAt = new ConcurrentHashMap<>();
    private volatile Instant firstElsewhere;
    private volatile boolean stop;

    /**
     * @param addresses the master's first, then its replicas'
     * @param firstRow  the number of the first row, above any the test wrote itself
     */
    NumberedRowWriter(List<String> addresses, int firstRow, Insert insert, Duration writing) {
        this.addresses = List.copyOf(addresses);
        this.firstRow = firstRow;
        this.insert = insert;
        this.writing = writing;
    }

    /** Each row is tried first where the last one was taken, as a client that follows its master would. */
    @Override
    public void run() {
        Instant deadline = Instant.now().plus(writing);
        String last = addresses.get(0);
        for (int row = firstRow; !stop && Instant.now().isBefore(deadline); row++) {
            List<String> order = new ArrayList<>(List.of(last));
            addresses.stream().filter(address -> !address.equals(order.get(0))).forEach(order::add);
            for (String address : order) {
                try {
                    insert.into(address, row);
                    ackedAt.put(row, Instant.now());
                    acked.put(row, address);
                    if (!address.equals(addresses.get(0)) && firstElsewhere == null) {
                        firstElsewhere = ackedAt.get(row);
                    }
                    last = address;
                    break;
                } catch (SQLException refused) {
                    // read-only, unreachable, or not yet promoted: the next node is tried
                }
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void stop() {
        stop = true;
    }

    /** Acknowledged rows by number, each with the node that took it. */
    Map<Integer, String> acked() {
        return acked;
    }

    Instant firstElsewhere() {
        return firstElsewhere;
    }

    /** Rows {@code address} acknowledged after {@code moment}. */
    List<Integer> ackedOnAfter(String address, Instant moment) {
        return acked.entrySet().stream()
                .filter(row -> row.getValue().equals(address) && ackedAt.get(row.getKey()).isAfter(moment))
                .map(Map.Entry::getKey).toList();
    }
}
