package dev.shoal.api.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.ApiException.FieldProblem;
import dev.shoal.contracts.guest.DatabaseSchema;
import dev.shoal.datastore.Datastores;
import dev.shoal.datastore.Naming;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class DatabaseRulesTest {

    private static final Naming MYSQL = Datastores.descriptor("mysql").naming();
    private static final DatabaseRules RULES = new DatabaseRules(MYSQL);

    @Test
    void acceptsMysqlNamesUpToSixtyFourCharacters() {
        assertThat(nameProblems("orders_2026-eu")).isEmpty();
        assertThat(nameProblems("d".repeat(64))).isEmpty();
        assertThat(nameProblems("d".repeat(65))).extracting(FieldProblem::message)
                .containsExactly("is longer than 64 characters");
    }

    @Test
    void refusesNamesMysqlWouldNeedQuotingOrAFileNameEncodingFor() {
        for (String name : List.of("my db", "a`b", "a'b", "a/b", "a.b", "a\\b", "é", "")) {
            assertThat(nameProblems(name)).as(name).hasSize(1);
        }
        assertThat(nameProblems(null)).extracting(FieldProblem::message).containsExactly("is required");
    }

    @Test
    void theServersOwnSchemasAreReservedWhateverTheirCase() {
        for (String name : List.of("mysql", "information_schema", "PERFORMANCE_SCHEMA", "sys")) {
            List<FieldProblem> reserved = new ArrayList<>();
            RULES.notReserved("databases[0].name", name, reserved);
            assertThat(reserved).as(name).extracting(FieldProblem::field).containsExactly("databases[0].name");
        }
        List<FieldProblem> none = new ArrayList<>();
        RULES.notReserved("databases[0].name", "mysqlish", none);
        assertThat(none).isEmpty();
    }

    @Test
    void characterSetAndCollationDefaultFromEachOther() {
        assertThat(schema(null, null)).isEqualTo(new DatabaseSchema("db", "utf8mb4", "utf8mb4_general_ci"));
        assertThat(schema("latin1", null)).isEqualTo(new DatabaseSchema("db", "latin1", "latin1_swedish_ci"));
        assertThat(schema(null, "utf8mb4_unicode_ci")).isEqualTo(new DatabaseSchema("db", "utf8mb4",
                "utf8mb4_unicode_ci"));
        assertThat(schema("UTF8MB4", "utf8mb4_BIN")).isEqualTo(new DatabaseSchema("db", "utf8mb4", "utf8mb4_bin"));
    }

    @Test
    void aCollationOfAnotherCharacterSetOrAnUnknownSetIsNamed() {
        List<FieldProblem> problems = new ArrayList<>();
        assertThat(RULES.schema("databases[0]", "db", "latin1", "utf8mb4_bin", problems)).isNull();
        assertThat(RULES.schema("databases[1]", "db", "klingon", null, problems)).isNull();
        assertThat(RULES.schema("databases[2]", "db", "utf8mb4", "utf8mb4_bin; drop", problems)).isNull();
        assertThat(problems).extracting(FieldProblem::field).containsExactly("databases[0].collate",
                "databases[1].character_set", "databases[2].collate");
    }

    @Test
    void aRequestIsJudgedWholeMalformedFirstThenReserved() {
        assertThatThrownBy(() -> DatabaseService.validate(request("ok", "bad name", "ok"), MYSQL))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.fields()).extracting(FieldProblem::field)
                            .containsExactly("databases[1].name", "databases[2].name");
                });
        assertThatThrownBy(() -> DatabaseService.validate(request("ok", "sys"), MYSQL))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(e.getMessage()).contains("databases[1].name").contains("sys");
                });
        assertThat(DatabaseService.validate(request("a", "b"), MYSQL)).extracting(DatabaseSchema::name)
                .containsExactly("a", "b");
    }

    private static CreateDatabasesRequest request(String... names) {
        return new CreateDatabasesRequest(java.util.Arrays.stream(names)
                .map(name -> new CreateDatabasesRequest.Body(name, null, null)).toList());
    }

    private static DatabaseSchema schema(String characterSet, String collate) {
        List<FieldProblem> problems = new ArrayList<>();
        DatabaseSchema schema = RULES.schema("databases[0]", "db", characterSet, collate, problems);
        assertThat(problems).isEmpty();
        return schema;
    }

    private static List<FieldProblem> nameProblems(String name) {
        List<FieldProblem> problems = new ArrayList<>();
        RULES.name("databases[0].name", name, problems);
        return problems;
    }
}
