package dev.shoal.api.account;

import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Trove's databases of an instance: {@code /instances/{id}/databases}. */
@RestController
@RequestMapping("/v1.0/{tenantId}/instances/{id}/databases")
class DatabaseController {

    private final DatabaseService databases;

    DatabaseController(DatabaseService databases) {
        this.databases = databases;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    void create(@PathVariable String tenantId, @PathVariable UUID id, @RequestBody CreateDatabasesRequest request) {
        databases.create(tenantId, id, request);
    }

    @GetMapping
    Map<String, Object> list(@PathVariable String tenantId, @PathVariable UUID id,
                             @RequestParam(required = false) Integer limit,
                             @RequestParam(required = false) String marker) {
        return AccountLists.body("databases", databases.list(tenantId, id, limit, marker));
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void delete(@PathVariable String tenantId, @PathVariable UUID id, @PathVariable String name) {
        databases.delete(tenantId, id, name);
    }
}
