package dev.shoal.api.account;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Trove's users of an instance: {@code /instances/{id}/users}, a user named {@code name} or {@code name@host}
 * as Trove's clients put it in the path, and its access to databases.
 */
@RestController
@RequestMapping("/v1.0/{tenantId}/instances/{id}/users")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    void create(@PathVariable String tenantId, @PathVariable UUID id, @RequestBody CreateUsersRequest request) {
        users.create(tenantId, id, request);
    }

    @GetMapping
    Map<String, Object> list(@PathVariable String tenantId, @PathVariable UUID id,
                             @RequestParam(required = false) Integer limit,
                             @RequestParam(required = false) String marker) {
        return AccountLists.body("users", users.list(tenantId, id, limit, marker));
    }

    @GetMapping("/{user}")
    Map<String, UserView> show(@PathVariable String tenantId, @PathVariable UUID id, @PathVariable String user) {
        return Map.of("user", users.show(tenantId, id, user));
    }

    @DeleteMapping("/{user}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void delete(@PathVariable String tenantId, @PathVariable UUID id, @PathVariable String user) {
        users.delete(tenantId, id, user);
    }

    @GetMapping("/{user}/databases")
    Map<String, List<UserView.DatabaseName>> access(@PathVariable String tenantId, @PathVariable UUID id,
                                                    @PathVariable String user) {
        return Map.of("databases", users.access(tenantId, id, user));
    }

    @PutMapping("/{user}/databases")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void grant(@PathVariable String tenantId, @PathVariable UUID id, @PathVariable String user,
               @RequestBody CreateUsersRequest.Grant request) {
        users.grant(tenantId, id, user, request);
    }

    @DeleteMapping("/{user}/databases/{database}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void revoke(@PathVariable String tenantId, @PathVariable UUID id, @PathVariable String user,
                @PathVariable String database) {
        users.revoke(tenantId, id, user, database);
    }
}
