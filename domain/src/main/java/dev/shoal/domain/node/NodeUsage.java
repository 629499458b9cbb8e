package dev.shoal.domain.node;

/** How many live nodes a tenant has and how many volume gigabytes they hold. */
public record NodeUsage(Long nodes, Long volumeGb) {
}
