package dev.shoal.contracts.guest;

import java.util.List;

/**
 * One log a datastore writes and a tenant may read, as its guest sees it (Trove's guest log): a {@code SYS} log the
 * server always writes, or a {@code USER} log that is switched on and off.
 *
 * @param size            the file's length now, in bytes; 0 when the server has not written it yet
 * @param restartRequired whether the server must restart before a switch of it takes effect
 */
public record GuestLog(String name, String type, boolean enabled, boolean restartRequired, long size) {

    public static final String SYS = "SYS";
    public static final String USER = "USER";

    /** Every log of the node. */
    public record Listing(List<GuestLog> logs) {
    }

    /**
     * One action on a log: {@code show}, {@code enable}, {@code disable} or {@code publish}.
     *
     * @param publishedUpTo for {@code publish}, where the part published before ended (a shorter file was rotated:
     *                      reading starts again at its beginning)
     * @param maxBytes      for {@code publish}, the most it hands over: the newest bytes, from a line's start
     */
    public record Action(String name, String action, long publishedUpTo, int maxBytes) {

        public static final String SHOW = "show";
        public static final String ENABLE = "enable";
        public static final String DISABLE = "disable";
        public static final String PUBLISH = "publish";
    }

    /**
     * The log after an action and, for {@code publish}, its new part.
     *
     * @param from    where the part starts in the file
     * @param to      where it ends: the next publish starts there
     * @param skipped bytes between the last part and this one left out to keep within the bound
     * @param content the part, UTF-8 (what is not is replaced)
     * @param lines   how many lines the part holds
     */
    public record Acted(GuestLog log, long from, long to, long skipped, String content, int lines) {
    }
}
