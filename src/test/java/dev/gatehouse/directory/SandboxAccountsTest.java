package dev.gatehouse.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.gatehouse.sandbox.Sandbox;
import dev.gatehouse.sandbox.SandboxOrganization;

/** The allocator that gives each test accounts of its own. */
@SpringBootTest
class SandboxAccountsTest {

    @Autowired
    private SandboxAccounts accounts;
    @Autowired
    private DirectoryLookup directory;
    @Autowired
    private Sandbox sandbox;

    @Test
    void each_call_hands_out_accounts_no_test_has_had_in_the_mirror_and_nested_in_an_ou() {
        AccountRow first = accounts.fresh();
        List<AccountRow> more = accounts.fresh(3);

        assertThat(more).doesNotContain(first).doesNotHaveDuplicates().hasSize(3);
        for (AccountRow account : more) {
            assertThat(directory.account(account.id())).contains(account);
            assertThat(account.ouPath()).startsWith("Root / Test accounts / Batch ");
            assertThat(directory.ouChain(account.id())).hasSize(2);
            assertThat(SandboxAccounts.isTestAccount(account.id())).isTrue();
        }
    }

    @Test
    void more_accounts_than_a_batch_come_from_a_new_batch_that_is_synced_first() {
        List<AccountRow> many = accounts.fresh(101);

        assertThat(many).extracting(AccountRow::id).doesNotHaveDuplicates();
        assertThat(many).allSatisfy(account -> assertThat(directory.account(account.id())).contains(account));
        assertThat(many.stream().map(AccountRow::ouPath).distinct()).as("from two batches at least")
                .hasSizeGreaterThan(1).allMatch(path -> path.startsWith("Root / Test accounts / Batch "));
    }

    @Test
    void a_fresh_account_holds_no_assignment_and_is_no_demo_account() {
        AccountRow account = accounts.fresh();

        assertThat(sandbox.organization().assignments()).extracting(SandboxOrganization.Assignment::accountId)
                .doesNotContain(account.id());
        assertThat(SandboxAccounts.isTestAccount(sandbox.organization().accounts().get(0).id())).isFalse();
    }
}
