package dev.shoal.domain.tenant;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AuthTokenRepository extends JpaRepository<AuthToken, UUID> {

    Optional<AuthToken> findByTokenHashAndRevokedAtIsNull(String tokenHash);

    List<AuthToken> findAllByTenantIdOrderByCreated(String tenantId);

    boolean existsByRoleAndRevokedAtIsNull(TokenRole role);
}
