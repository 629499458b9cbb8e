package dev.shoal.domain.node;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface NodeRepository extends JpaRepository<Node, UUID> {

    List<Node> findAllByInstanceIdInAndDeletedAtIsNull(List<UUID> instanceIds);

    Optional<Node> findFirstByInstanceIdOrderByCreatedDesc(UUID instanceId);

    List<Node> findAllByDeletedAtIsNull();

    @Query("select n.ip from Node n where n.deletedAt is null and n.ip is not null")
    List<String> findLiveAddresses();
}
