package dev.shoal.domain.tenant;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TenantRepository extends JpaRepository<Tenant, String> {

    List<Tenant> findAllByDeletedAtIsNullOrderById();

    /** Held until the transaction ends: a tenant's creates are counted against its quota one at a time. */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @org.springframework.data.jpa.repository.Query("select t from Tenant t where t.id = :id")
    java.util.Optional<Tenant> lockById(String id);
}
