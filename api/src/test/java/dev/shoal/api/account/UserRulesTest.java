package dev.shoal.api.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shoal.api.system.ApiException;
import dev.shoal.api.system.ApiException.FieldProblem;
import dev.shoal.datastore.Datastores;
import dev.shoal.datastore.Naming;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class UserRulesTest {

    private static final Naming MYSQL = Datastores.descriptor("mysql").naming();
    private static final UserRules RULES = new UserRules(MYSQL);

    @Test
    void namesAreAtMostThirtyTwoPathSafeCharacters() {
        assertThat(problems(p -> RULES.name("f", "app_reader-2", p))).isEmpty();
        assertThat(problems(p -> RULES.name("f", "u".repeat(32), p))).isEmpty();
        assertThat(problems(p -> RULES.name("f", "u".repeat(33), p))).hasSize(1);
        for (String name : List.of("a b", "a@b", "a'b", "a.b", "a/b", "")) {
            assertThat(problems(p -> RULES.name("f", name, p))).as(name).hasSize(1);
        }
    }

    @Test
    void rootAndTheGuestsOwnAccountsAreReserved() {
        for (String name : List.of("root", "ROOT", "os_admin", "os_repl", "mariadb.sys", "mysql")) {
            assertThat(problems(p -> RULES.notReserved("users[0].name", name, p))).as(name).hasSize(1);
        }
        assertThat(problems(p -> RULES.notReserved("users[0].name", "rooty", p))).isEmpty();
    }

    @Test
    void theHostIsAnyHostUnlessAPatternIsGiven() {
        List<FieldProblem> problems = new ArrayList<>();
        assertThat(UserRules.host("f", null, problems)).isEqualTo("%");
        assertThat(UserRules.host("f", "10.0.%", problems)).isEqualTo("10.0.%");
        assertThat(problems).isEmpty();
        UserRules.host("f", "evil'host", problems);
        UserRules.host("f", "h".repeat(61), problems);
        UserRules.host("f", "", problems);
        assertThat(problems).hasSize(3);
    }

    @Test
    void passwordsAreRequiredOfASaneLengthAndPrintable() {
        assertThat(problems(p -> UserRules.password("f", "it's-a-Pa55\\word", p))).isEmpty();
        for (String password : java.util.Arrays.asList(null, "", "        ", "short", "p".repeat(129),
                "new\nline-password", "nul\0-password")) {
            assertThat(problems(p -> UserRules.password("f", password, p))).as(String.valueOf(password)).hasSize(1);
        }
    }

    @Test
    void aCreateBodyNamesEveryMalformedFieldAndKeepsThePasswordOutOfItsText() {
        CreateUsersRequest request = new CreateUsersRequest(List.of(
                new CreateUsersRequest.Body("ok", "secret-password", null,
                        List.of(new CreateUsersRequest.DatabaseRef("bad db"))),
                new CreateUsersRequest.Body("ok", "secret-password", "%", List.of()),
                new CreateUsersRequest.Body("two", null, null, null)));
        assertThatThrownBy(() -> UserRequests.validate(request, MYSQL)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(e.fields()).extracting(FieldProblem::field).containsExactly("users[0].databases[0].name",
                    "users[1].name", "users[2].password");
            assertThat(e.getMessage()).doesNotContain("secret-password");
        });
        assertThat(request.users().get(0).toString()).doesNotContain("secret-password");
    }

    @Test
    void aReservedUserIsA422() {
        assertThatThrownBy(() -> UserRequests.validate(new CreateUsersRequest(List.of(
                new CreateUsersRequest.Body("root", "long-enough", null, null))), MYSQL))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(e.fields()).extracting(FieldProblem::field).containsExactly("users[0].name");
                });
    }

    private static List<FieldProblem> problems(java.util.function.Consumer<List<FieldProblem>> rule) {
        List<FieldProblem> problems = new ArrayList<>();
        rule.accept(problems);
        return problems;
    }
}
