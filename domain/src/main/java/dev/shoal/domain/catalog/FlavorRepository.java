package dev.shoal.domain.catalog;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FlavorRepository extends JpaRepository<Flavor, String> {

    List<Flavor> findAllByOrderByRamMbAscIdAsc();
}
