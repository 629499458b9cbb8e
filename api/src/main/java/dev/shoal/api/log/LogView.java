package dev.shoal.api.log;

import dev.shoal.domain.log.InstanceLog;

/**
 * One log as Trove shows it: its status, the bytes published and pending, and where its parts are listed in the object
 * store ({@code container} {@code None} while nothing is published).
 */
record LogView(String name, String type, String status, long published, long pending, String container,
               String prefix, String metafile) {

    static LogView of(InstanceLog log, long publishedBytes, String datastore) {
        return new LogView(log.getName(), log.getType(), log.status(publishedBytes), publishedBytes, log.pending(),
                publishedBytes > 0 ? InstanceLog.CONTAINER : "None", log.prefix(datastore), log.metafile(datastore));
    }
}
