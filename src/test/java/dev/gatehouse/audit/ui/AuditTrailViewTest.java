package dev.gatehouse.audit.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.gatehouse.db.Tables.AUDIT_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;

import org.jooq.DSLContext;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;

import dev.gatehouse.KaribuTest;
import dev.gatehouse.TestUsers;
import dev.gatehouse.TestEvents;
import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.AuditSubjects;
import dev.gatehouse.audit.internal.AuditRepository;
import dev.gatehouse.audit.internal.NewEntry;
import dev.gatehouse.ui.AccessDeniedView;

class AuditTrailViewTest extends KaribuTest {

    @Autowired
    private DSLContext db;
    @Autowired
    private EventPublicationRegistry publications;
    @Autowired
    private AuditRepository repository;

    /** The trail is append-only and other tests write to it too: these entries carry a marker to search for. */
    private static final String MARKER = "[view test]";
    private static boolean written;

    @BeforeEach
    void twoSignInsAndARefusal() {
        TestEvents.awaitDelivered(publications);
        if (!written) {
            entry("2026-11-20T09:00:00Z", "riley.chen", AuditAction.SIGNED_IN, "Riley Chen via DEMO as Requester "
                    + MARKER);
            entry("2026-11-20T10:00:00Z", "(unknown)", AuditAction.SIGN_IN_REFUSED, "Invalid signature " + MARKER);
            entry("2026-11-20T11:00:00Z", "sam.okafor", AuditAction.SIGNED_IN, "Sam Okafor via SAML as Auditor "
                    + MARKER);
            written = true;
        }
    }

    @Test
    void an_auditor_sees_the_newest_entries_first() {
        openAs(TestUsers.AUDITOR, "audit");

        LocatorJ._setValue(_get(TextField.class, spec -> spec.withLabel("Search")), MARKER);

        Grid<?> grid = _get(Grid.class);
        assertThat(_size(grid)).isEqualTo(3);
        assertThat(_getFormattedRow(grid, 0)).containsExactly("2026-11-20 11:00:00 UTC", "sam.okafor", "Signed in",
                "sam.okafor", "Sam Okafor via SAML as Auditor " + MARKER, "192.0.2.10");
        assertThat(_getFormattedRow(grid, 2).get(1)).isEqualTo("riley.chen");
    }

    @Test
    void searching_keeps_only_matching_entries() {
        openAs(TestUsers.ADMIN, "audit");

        LocatorJ._setValue(_get(TextField.class, spec -> spec.withLabel("Search")), "Requester " + MARKER);

        Grid<?> grid = _get(Grid.class);
        assertThat(_size(grid)).isEqualTo(1);
        assertThat(_getFormattedRow(grid, 0).get(1)).isEqualTo("riley.chen");
    }

    @Test
    void choosing_an_action_keeps_only_that_action() {
        openAs(TestUsers.AUDITOR, "audit");

        @SuppressWarnings("unchecked")
        ComboBox<AuditAction> action = _get(ComboBox.class, spec -> spec.withLabel("Action"));
        LocatorJ._setValue(_get(TextField.class, spec -> spec.withLabel("Search")), MARKER);
        LocatorJ._setValue(action, AuditAction.SIGN_IN_REFUSED);

        Grid<?> grid = _get(Grid.class);
        assertThat(_size(grid)).isEqualTo(1);
        assertThat(_getFormattedRow(grid, 0).get(2)).isEqualTo("Sign-in refused");
    }

    @Test
    void verifying_integrity_reports_an_intact_chain_and_is_itself_recorded() {
        openAs(TestUsers.AUDITOR, "audit");

        _click(_get(Button.class, spec -> spec.withText(AuditTrailView.VERIFY)));

        assertThat(_get(Paragraph.class, spec -> spec.withId("audit-integrity")).getText())
                .matches("Intact: all \\d+ entries are linked and unchanged\\.");
        assertThat(_getFormattedRow(_get(Grid.class), 0)).contains("Sam Okafor", "Audit trail verified");
    }

    @Test
    void the_entries_shown_can_be_downloaded_as_csv() {
        openAs(TestUsers.AUDITOR, "audit");

        Anchor export = _get(Anchor.class, spec -> spec.withId("audit-export"));

        assertThat(export.getText()).isEqualTo(AuditTrailView.EXPORT);
        assertThat(export.getHref()).as("a download handler is registered").isNotEmpty();
        assertThat(export.getElement().hasAttribute("download")).isTrue();
    }

    @Test
    void a_search_without_matches_says_so() {
        openAs(TestUsers.AUDITOR, "audit");

        LocatorJ._setValue(_get(TextField.class, spec -> spec.withLabel("Search")), "nobody-like-this");

        Grid<?> grid = _get(Grid.class);
        assertThat(_size(grid)).isZero();
        assertThat(grid.getEmptyStateText()).isEqualTo(AuditTrailView.EMPTY_TEXT);
    }

    @Test
    void an_entry_opens_in_full_and_its_request_link_shows_every_entry_of_that_request() {
        long request = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        AuditSubjects about = AuditSubjects.NONE.request(request).account("111122223333")
                .permissionSetNamed("Developer").concerning("Riley Chen");
        repository.append(NewEntry.of(Instant.parse("2026-11-21T09:00:00Z"), "Riley Chen",
                AuditAction.ACCESS_REQUESTED, "request #" + request, "Developer on payments " + MARKER).about(about));
        repository.append(NewEntry.of(Instant.parse("2026-11-21T09:05:00Z"), "Gatehouse",
                AuditAction.AWS_WRITE_SUCCEEDED, "grant #1 of request #" + request,
                "CreateAccountAssignment for Riley Chen")
                .about(about.awsRequest("c2a1b7e0-aws")));
        openAs(TestUsers.AUDITOR, "audit");
        LocatorJ._setValue(_get(TextField.class, spec -> spec.withLabel("Search")), "Developer on payments " + MARKER);
        Grid<?> grid = _get(Grid.class);
        assertThat(_size(grid)).isEqualTo(1);

        GridKt._selectRow(grid, 0);

        AuditEntryPanel panel = _get(AuditEntryPanel.class);
        assertThat(panel.isVisible()).isTrue();
        assertThat(panel.getElement().getTextRecursively()).contains("111122223333", "Developer", "Riley Chen",
                "#" + request);
        _click(_get(panel, Button.class, spec -> spec.withText(AuditEntryPanel.REQUEST_LINK)));

        assertThat(_get(TextField.class, spec -> spec.withLabel("Search")).getValue()).isEmpty();
        assertThat(_get(TextField.class, spec -> spec.withLabel("Request")).getValue())
                .isEqualTo(String.valueOf(request));
        assertThat(_size(grid)).isEqualTo(2);
        assertThat(_getFormattedRow(grid, 0).get(2)).isEqualTo("AWS write succeeded");
        GridKt._selectRow(grid, 0);
        assertThat(panel.getElement().getTextRecursively()).contains("c2a1b7e0-aws");
    }

    @Test
    void a_range_ending_before_it_starts_is_refused_with_a_message() {
        openAs(TestUsers.AUDITOR, "audit");
        LocatorJ._setValue(_get(TextField.class, spec -> spec.withLabel("Search")), MARKER);

        LocatorJ._setValue(_get(DateTimePicker.class, spec -> spec.withLabel("From (UTC)")),
                LocalDateTime.parse("2026-11-20T12:00:00"));
        DateTimePicker until = _get(DateTimePicker.class, spec -> spec.withLabel("Until (UTC)"));
        LocatorJ._setValue(until, LocalDateTime.parse("2026-11-20T10:00:00"));

        assertThat(until.isInvalid()).isTrue();
        assertThat(until.getErrorMessage()).isEqualTo(AuditTrailView.RANGE_ERROR);

        LocatorJ._setValue(until, LocalDateTime.parse("2026-11-20T10:30:00"));
        LocatorJ._setValue(_get(DateTimePicker.class, spec -> spec.withLabel("From (UTC)")),
                LocalDateTime.parse("2026-11-20T09:30:00"));
        assertThat(until.isInvalid()).isFalse();
        assertThat(_size(_get(Grid.class))).as("the refusal at 10:00 only").isEqualTo(1);
    }

    @Test
    void a_date_without_a_time_or_a_time_without_a_date_is_explained() {
        openAs(TestUsers.AUDITOR, "audit");
        DateTimePicker from = _get(DateTimePicker.class, spec -> spec.withLabel("From (UTC)"));
        DateTimePicker until = _get(DateTimePicker.class, spec -> spec.withLabel("Until (UTC)"));

        LocatorJ._setValue(_get(from, DatePicker.class), LocalDate.parse("2026-11-20"));
        LocatorJ._setValue(_get(until, TimePicker.class), LocalTime.parse("10:30"));

        assertThat(from.isInvalid()).isTrue();
        assertThat(from.getErrorMessage()).isEqualTo(AuditTrailView.TIME_MISSING);
        assertThat(until.isInvalid()).isTrue();
        assertThat(until.getErrorMessage()).isEqualTo(AuditTrailView.DATE_MISSING);

        // As the browser does: the missing half arrives, then the whole value.
        LocatorJ._setValue(_get(from, TimePicker.class), LocalTime.parse("09:30"));
        LocatorJ._setValue(from, LocalDateTime.parse("2026-11-20T09:30:00"));
        LocatorJ._setValue(_get(until, DatePicker.class), LocalDate.parse("2026-11-20"));
        LocatorJ._setValue(until, LocalDateTime.parse("2026-11-20T10:30:00"));
        assertThat(from.isInvalid()).isFalse();
        assertThat(until.isInvalid()).isFalse();
    }

    @Test
    void an_ipv6_loopback_address_reads_as_double_colon_one_and_an_entry_links_to_its_actor_and_person() {
        String marker = "loopback sign-in " + ThreadLocalRandom.current().nextLong(1L << 40);
        repository.append(NewEntry.of(Instant.parse("2026-11-21T10:00:00Z"), "Riley Chen", AuditAction.SIGNED_IN,
                        "riley.chen", marker).from("0:0:0:0:0:0:0:1")
                .about(AuditSubjects.NONE.concerning("riley.chen")));
        openAs(TestUsers.AUDITOR, "audit");
        LocatorJ._setValue(_get(TextField.class, spec -> spec.withLabel("Search")), marker);
        Grid<?> grid = _get(Grid.class);

        assertThat(_getFormattedRow(grid, 0)).containsExactly("2026-11-21 10:00:00 UTC", "Riley Chen", "Signed in",
                "riley.chen", marker, "::1");
        GridKt._selectRow(grid, 0);
        AuditEntryPanel panel = _get(AuditEntryPanel.class);
        assertThat(panel.getElement().getTextRecursively()).contains("::1").doesNotContain("0:0:0:0:0:0:0:1");
        assertThat(_get(panel, Button.class, spec -> spec.withText("All entries by or about riley.chen")))
                .isNotNull();
        _click(_get(panel, Button.class, spec -> spec.withText("All entries by or about Riley Chen")));
        assertThat(_get(TextField.class, spec -> spec.withLabel("Person")).getValue()).isEqualTo("Riley Chen");
    }

    @Test
    void a_requester_is_turned_away() {
        openAs(TestUsers.REQUESTER, "audit");

        assertThat(_get(H2.class).getText()).isEqualTo(AccessDeniedView.HEADING);
    }

    private void entry(String at, String actor, AuditAction action, String details) {
        db.insertInto(AUDIT_ENTRY)
                .set(AUDIT_ENTRY.OCCURRED_AT, OffsetDateTime.parse(at).withOffsetSameInstant(ZoneOffset.UTC))
                .set(AUDIT_ENTRY.ACTOR, actor)
                .set(AUDIT_ENTRY.ACTION, action)
                .set(AUDIT_ENTRY.SUBJECT, actor)
                .set(AUDIT_ENTRY.DETAILS, details)
                .set(AUDIT_ENTRY.SOURCE_ADDRESS, "192.0.2.10")
                .execute();
    }
}
