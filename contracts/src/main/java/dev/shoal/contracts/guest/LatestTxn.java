package dev.shoal.contracts.guest;

/**
 * The last transaction a replicated node holds, as Trove's {@code get_latest_txn_id} answers it.
 *
 * @param txnId the node's GTID position ({@code gtid_binlog_pos}), e.g. {@code 0-1-42}
 */
public record LatestTxn(String txnId) {
}
