package dev.gatehouse.audit;

import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.gatehouse.TestUsers;
import dev.gatehouse.audit.internal.AuditRepository;
import dev.gatehouse.audit.internal.NewEntry;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.directory.AccountScopes;
import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.DirectoryPage;
import dev.gatehouse.directory.SandboxAccounts;

/**
 * The audit screen's filters and paging. The trail is shared and append-only: each test's entries carry
 * a marker of their own, and each filter is combined with a search for it.
 */
@SpringBootTest
class AuditSearchTest {

    @Autowired
    private AuditTrail audit;
    @Autowired
    private AuditRepository repository;
    @Autowired
    private SandboxAccounts accounts;
    @Autowired
    private DirectoryLookup directory;

    private String marker;

    @BeforeEach
    void aMarkerOfThisTest() {
        marker = "search-" + UUID.randomUUID();
    }

    @Test
    void a_time_range_keeps_entries_from_its_start_up_to_but_not_including_its_end() {
        append("2026-03-01T08:59:59Z", "Riley Chen", AuditSubjects.NONE, "before");
        append("2026-03-01T09:00:00Z", "Riley Chen", AuditSubjects.NONE, "at the start");
        append("2026-03-01T16:59:59Z", "Riley Chen", AuditSubjects.NONE, "just before the end");
        append("2026-03-01T17:00:00Z", "Riley Chen", AuditSubjects.NONE, "at the end");

        assertThat(details(marked().between(Optional.of(Instant.parse("2026-03-01T09:00:00Z")),
                Optional.of(Instant.parse("2026-03-01T17:00:00Z")))))
                .containsExactly("just before the end", "at the start");
        assertThat(details(marked().between(Optional.of(Instant.parse("2026-03-01T17:00:00Z")), Optional.empty())))
                .containsExactly("at the end");
    }

    @Test
    void a_person_matches_the_start_of_the_actor_or_of_the_person_concerned_in_any_case() {
        append("2026-03-02T09:00:00Z", "Avery Patel", AuditSubjects.NONE.concerning("Riley Chen"), "approved Riley");
        append("2026-03-02T10:00:00Z", "riley.chen", AuditSubjects.NONE.concerning("Riley Chen"), "signed in");
        append("2026-03-02T11:00:00Z", "Avery Patel", AuditSubjects.NONE.concerning("Jordan Kim"), "approved Jordan");
        append("2026-03-02T12:00:00Z", "Morgan Riley", AuditSubjects.NONE, "surname only");

        assertThat(details(marked().byPerson("RILEY"))).containsExactly("signed in", "approved Riley");
        assertThat(details(marked().byPerson("avery"))).containsExactly("approved Jordan", "approved Riley");
        assertThat(details(marked().byPerson("riley_"))).as("an underscore matches only itself").isEmpty();
    }

    @Test
    void account_permission_set_and_request_filters_keep_the_entries_about_them() {
        AuditSubjects payments = AuditSubjects.NONE.account("111122223333").permissionSetNamed("Developer").request(7);
        append("2026-03-03T09:00:00Z", "Riley Chen", payments, "developer on payments");
        append("2026-03-03T10:00:00Z", "Riley Chen", payments.permissionSetNamed("ReadOnlyAccess").request(8),
                "read-only on payments");
        append("2026-03-03T11:00:00Z", "Riley Chen", payments.account("444455556666").request(9),
                "developer on analytics");

        assertThat(details(marked().onAccount(Optional.of("111122223333"))))
                .containsExactly("read-only on payments", "developer on payments");
        assertThat(details(marked().onPermissionSet(Optional.of("Developer"))))
                .containsExactly("developer on analytics", "developer on payments");
        assertThat(details(marked().ofRequest(OptionalLong.of(8)))).containsExactly("read-only on payments");
    }

    @Test
    void an_ou_filter_keeps_entries_about_accounts_anywhere_below_it() {
        AccountRow inside = accounts.fresh();
        String ou = directory.ouChain(inside.id()).stream()
                .filter(id -> directory.organizationalUnit(id).orElseThrow().path().split(" / ").length == 2)
                .findFirst().orElseThrow();
        AccountRow outside = directory.accountsWithin(new AccountScopes(true, Set.of(), Set.of()),
                DirectoryPage.first(100)).stream().filter(account -> !directory.ouChain(account.id()).contains(ou))
                .findFirst().orElseThrow();
        append("2026-03-04T09:00:00Z", "Riley Chen", AuditSubjects.NONE.account(inside.id()), "inside");
        append("2026-03-04T10:00:00Z", "Riley Chen", AuditSubjects.NONE.account(outside.id()), "outside");

        assertThat(details(marked().withinOu(Optional.of(ou)))).containsExactly("inside");
    }

    @Test
    void pages_merged_from_several_people_follow_one_another_by_keyset() {
        append("2026-03-07T09:00:00Z", "Riley Chen", AuditSubjects.NONE, "riley 1");
        append("2026-03-07T10:00:00Z", "Rilla Moss", AuditSubjects.NONE, "rilla 2");
        append("2026-03-07T11:00:00Z", "Avery Patel", AuditSubjects.NONE.concerning("Riley Chen"), "about riley 3");
        AuditFilter ril = marked().byPerson("ril");

        List<AuditEntry> first = as(TestUsers.AUDITOR, () -> audit.page(ril, Optional.empty(), 2));
        List<AuditEntry> second = as(TestUsers.AUDITOR, () -> audit.page(ril, Optional.of(first.get(1)), 2));

        assertThat(first).extracting(AuditEntry::details)
                .containsExactly("about riley 3 " + marker, "rilla 2 " + marker);
        assertThat(second).extracting(AuditEntry::details).containsExactly("riley 1 " + marker);
        assertThat(as(TestUsers.AUDITOR, () -> audit.page(ril, 1, 2))).extracting(AuditEntry::details)
                .containsExactly("rilla 2 " + marker, "riley 1 " + marker);
    }

    @Test
    void the_text_search_finds_actor_subject_and_details_in_any_case_and_takes_wildcards_literally() {
        long request = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        AuditSubjects ofRequest = AuditSubjects.NONE.request(request);
        append("2026-03-05T09:00:00Z", "Jordan KIM", ofRequest, "by actor");
        append("2026-03-05T10:00:00Z", "Riley Chen", ofRequest, "50% of the fleet");
        append("2026-03-05T11:00:00Z", "Riley Chen", ofRequest, "500 of the fleet");
        AuditFilter filter = AuditFilter.ALL.ofRequest(OptionalLong.of(request));

        assertThat(details(filter.withText("jordan kim"))).containsExactly("by actor");
        assertThat(details(filter.withText("50%"))).containsExactly("50% of the fleet");
        assertThat(details(filter.withText("TEST"))).as("the subject").hasSize(3);
    }

    @Test
    void the_text_search_matches_whole_words_as_typed_including_aws_request_ids() {
        long request = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        AuditSubjects ofRequest = AuditSubjects.NONE.request(request);
        String deploying = "deploying release 12; ticket OPS-1234";
        append("2026-03-08T09:00:00Z", "Gatehouse", ofRequest.awsRequest("5f1c9a7e-3b2d-4c11-9e0f-aa11bb22cc33"),
                deploying);
        append("2026-03-08T10:00:00Z", "Riley Chen", ofRequest, "released the fix");
        AuditFilter filter = AuditFilter.ALL.ofRequest(OptionalLong.of(request));

        assertThat(details(filter.withText("ops-1234"))).containsExactly(deploying);
        assertThat(details(filter.withText("Release 12"))).containsExactly(deploying);
        assertThat(details(filter.withText("release"))).containsExactly(deploying);
        assertThat(details(filter.withText("3b2d-4c11"))).as("AWS's request id").containsExactly(deploying);
        assertThat(details(filter.withText("ops-12"))).as("part of a word").isEmpty();
        assertThat(details(filter.withText("ticket release"))).as("words in another order").isEmpty();
    }

    @Test
    void a_text_search_reads_the_newest_months_first_and_still_finds_every_older_entry_in_order() {
        String word = "w" + UUID.randomUUID().toString().replace("-", "");
        append("2025-06-10T09:00:00Z", "Riley Chen", AuditSubjects.NONE, word + " june");
        append("2026-01-10T09:00:00Z", "Riley Chen", AuditSubjects.NONE, word + " january");
        append("2026-03-10T09:00:00Z", "Riley Chen", AuditSubjects.NONE, word + " march");
        append("2026-03-11T09:00:00Z", "Riley Chen", AuditSubjects.NONE, word + " later in march");
        AuditFilter beforeApril = AuditFilter.ALL.withText(word).between(Optional.empty(),
                Optional.of(Instant.parse("2026-04-01T00:00:00Z")));

        List<AuditEntry> first = as(TestUsers.AUDITOR, () -> audit.page(beforeApril, Optional.empty(), 3));
        List<AuditEntry> next = as(TestUsers.AUDITOR, () -> audit.page(beforeApril, Optional.of(first.get(2)), 3));

        assertThat(first).extracting(AuditEntry::details).containsExactly(word + " later in march " + marker,
                word + " march " + marker, word + " january " + marker);
        assertThat(next).extracting(AuditEntry::details).containsExactly(word + " june " + marker);
    }

    @Test
    void reading_page_after_page_by_keyset_gives_what_reading_by_offset_gives() {
        for (int i = 0; i < 23; i++) {
            // Two entries in each second: the id breaks the tie in both reads.
            append("2026-03-06T09:00:%02dZ".formatted(i / 2), "Riley Chen", AuditSubjects.NONE, "entry " + i);
        }
        AuditFilter filter = marked();

        List<AuditEntry> byKeyset = new ArrayList<>();
        Optional<AuditEntry> after = Optional.empty();
        List<AuditEntry> page;
        do {
            Optional<AuditEntry> from = after;
            page = as(TestUsers.AUDITOR, () -> audit.page(filter, from, 5));
            byKeyset.addAll(page);
            after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1));
        } while (page.size() == 5);
        List<AuditEntry> byOffset = new ArrayList<>();
        for (int offset = 0; offset < 25; offset += 5) {
            int from = offset;
            byOffset.addAll(as(TestUsers.AUDITOR, () -> audit.page(filter, from, 5)));
        }

        assertThat(byKeyset).hasSize(23).isEqualTo(byOffset);
        assertThat(byKeyset.get(0).details()).startsWith("entry 22 ");
    }

    @Test
    void the_export_file_name_carries_the_time_range() {
        AuditFilter march = AuditFilter.ALL.between(Optional.of(Instant.parse("2026-03-01T00:00:00Z")),
                Optional.of(Instant.parse("2026-04-01T00:00:00Z")));

        assertThat(audit.exportFileName(march)).isEqualTo("gatehouse-audit-2026-03-01T0000Z-to-2026-04-01T0000Z.csv");
        assertThat(audit.exportFileName(AuditFilter.ALL))
                .matches("gatehouse-audit-start-to-\\d{4}-\\d\\d-\\d\\dT\\d{4}Z\\.csv");
    }

    private AuditFilter marked() {
        return AuditFilter.ALL.withText(marker);
    }

    private List<String> details(AuditFilter filter) {
        return as(TestUsers.AUDITOR, () -> audit.page(filter, Optional.empty(), 50)).stream()
                .map(entry -> entry.details().replace(" " + marker, "")).toList();
    }

    private void append(String at, String actor, AuditSubjects about, String details) {
        repository.append(NewEntry.of(Instant.parse(at), actor, AuditAction.ACCESS_REQUESTED, "test",
                details + " " + marker).about(about));
    }
}
