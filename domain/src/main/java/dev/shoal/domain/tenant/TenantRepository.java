package dev.shoal.domain.tenant;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TenantRepository extends JpaRepository<Tenant, String> {

    List<Tenant> findAllByDeletedAtIsNullOrderById();
}
