package dev.shoal.domain.secret;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Brings every stored node secret under the current key when a service starts: values written before encryption
 * (the rows of a database migrated from an older Shoal) and values under a rotated-out key. Done by the services,
 * not by a schema migration, because only they hold the key; each row is replaced only if it still holds what was
 * read, so the api, the task manager and the conductor starting together rewrite each row once, and a start that
 * is interrupted is finished by the next. A value no configured key opens stops the start, naming the key it needs.
 */
public class StoredSecretsRewriter implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StoredSecretsRewriter.class);

    private final JdbcTemplate jdbc;
    private final SecretCipher cipher;
    private final String currentId;

    public StoredSecretsRewriter(JdbcTemplate jdbc, SecretCipher cipher, SecretKeys keys) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.currentId = keys.currentId();
    }

    @Override
    public void run(ApplicationArguments args) {
        rewrite();
    }

    /** @return how many rows this call rewrote */
    public int rewrite() {
        List<Map<String, Object>> rows = jdbc.queryForList("select id, secret from nodes where secret is not null"
                + " and secret not like ?", SecretCipher.VERSION + ":" + currentId + ":%");
        int rewritten = 0;
        for (Map<String, Object> row : rows) {
            String stored = (String) row.get("secret");
            String encrypted = cipher.encrypt(cipher.decrypt(stored));
            rewritten += jdbc.update("update nodes set secret = ? where id = ? and secret = ?", encrypted,
                    row.get("id"), stored);
        }
        if (rewritten > 0) {
            log.info("encrypted {} stored node secrets with key '{}'", rewritten, currentId);
        }
        return rewritten;
    }
}
