package dev.shoal.datastores.mysql.guest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MysqlAccountsTest {

    @Test
    void quotesPasswordsSoTheyCannotEndTheLiteral() {
        assertThat(MysqlAccounts.quote("plain")).isEqualTo("'plain'");
        assertThat(MysqlAccounts.quote("it's")).isEqualTo("'it''s'");
        assertThat(MysqlAccounts.quote("a\\' or 1=1 -- ")).isEqualTo("'a\\\\'' or 1=1 -- '");
    }
}
