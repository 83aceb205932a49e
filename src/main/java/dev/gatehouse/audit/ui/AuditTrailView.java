package dev.gatehouse.audit.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.renderer.TextRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;

import jakarta.annotation.security.RolesAllowed;

import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.AuditEntry;
import dev.gatehouse.audit.AuditFilter;
import dev.gatehouse.audit.AuditReport;
import dev.gatehouse.audit.AuditReports;
import dev.gatehouse.audit.AuditTrail;
import dev.gatehouse.audit.ChainReport;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.directory.OuRow;
import dev.gatehouse.security.GatehouseRole;
import dev.gatehouse.shared.AddressText;
import dev.gatehouse.shared.TimeText;

/**
 * The audit trail, newest first, filtered by time range, person, account, OU, permission set, action,
 * request and free text; an entry opens in full beside the grid. The CSV export is of what the grid shows;
 * the reports beside it are of current access and of the grant history.
 */
@Route("audit")
@PageTitle("Audit trail · Gatehouse")
@Menu(title = "Audit trail", order = 90, icon = "vaadin:records")
@RolesAllowed({GatehouseRole.AUDITOR_NAME, GatehouseRole.ADMIN_NAME})
public class AuditTrailView extends VerticalLayout {

    static final String EMPTY_TEXT = "No audit entries match these filters.";
    static final String VERIFY = "Verify integrity";
    static final String EXPORT = "Export CSV";
    static final String CLEAR = "Clear filters";
    static final String RANGE_ERROR = "Must be after From";
    static final String TIME_MISSING = "Add a time as well, such as 00:00 for the start of the day; until then "
            + "this limit is not applied.";
    static final String DATE_MISSING = "Add a date as well; until then this limit is not applied.";

    private final AuditTrail auditTrail;
    private final DateTimePicker from = new DateTimePicker("From (UTC)");
    private final DateTimePicker until = new DateTimePicker("Until (UTC)");
    private final TextField person = new TextField("Person");
    private final ComboBox<AccountRow> account = new ComboBox<>("Account");
    private final ComboBox<OuRow> ou = new ComboBox<>("OU");
    private final ComboBox<String> permissionSet = new ComboBox<>("Permission set");
    private final ComboBox<AuditAction> action = new ComboBox<>("Action");
    private final TextField request = new TextField("Request");
    private final TextField search = new TextField("Search");
    private final Grid<AuditEntry> grid = new Grid<>();
    private final AuditEntryPanel panel;
    private final Checkbox forExcel = new Checkbox("For Excel (byte order mark)");
    /** What the grid shows, for the download request, which does not run under the page's lock. */
    private volatile AuditFilter shown = AuditFilter.ALL;
    private volatile boolean byteOrderMark;
    /** Links and "Clear filters" set many fields at once: one refresh at the end, not one per field. */
    private boolean settingFilters;
    private final Paragraph integrity = new Paragraph("Each entry is chained to the one before by a SHA-256 hash; "
            + "verifying recomputes every link and names the first that does not hold.");

    public AuditTrailView(AuditTrail auditTrail, AuditReports reports) {
        this.auditTrail = auditTrail;
        addClassName("gatehouse-page");
        setSizeFull();
        panel = new AuditEntryPanel(new AuditEntryPanel.Links() {
            @Override
            public void request(long id) {
                showOnly(() -> request.setValue(String.valueOf(id)));
            }

            @Override
            public void account(String id) {
                showOnly(() -> account.setValue(auditTrail.findAccounts(id, 0, 1).stream()
                        .filter(row -> row.id().equals(id)).findFirst()
                        .orElse(new AccountRow(id, id, "", "", ""))));
            }

            @Override
            public void permissionSet(String name) {
                showOnly(() -> permissionSet.setValue(name));
            }

            @Override
            public void person(String name) {
                showOnly(() -> person.setValue(name));
            }
        }, this::closeEntry);

        for (DateTimePicker picker : new DateTimePicker[] {from, until}) {
            picker.setStep(Duration.ofMinutes(15));
            // The picker has no value until both halves are set; this view says which half is missing.
            picker.setManualValidation(true);
            picker.getChildren().filter(HasValue.class::isInstance).map(HasValue.class::cast)
                    .forEach(half -> half.addValueChangeListener(e -> explainRange()));
        }
        person.setPlaceholder("Name starts with");
        person.setTooltipText("Who acted, or whom the entry is about: the start of a name or sign-in name");
        person.setValueChangeMode(ValueChangeMode.LAZY);
        person.setClearButtonVisible(true);
        account.setItems(query -> auditTrail.findAccounts(query.getFilter().orElse(""), query.getOffset(),
                query.getLimit()).stream());
        account.setItemLabelGenerator(row -> row.name().equals(row.id()) ? row.id()
                : row.name() + " (" + row.id() + ")");
        account.setRenderer(new TextRenderer<>(row -> row.name() + " · " + row.id() + " · " + row.ouPath()));
        account.setClearButtonVisible(true);
        ou.setItems(query -> auditTrail.findOus(query.getFilter().orElse(""), query.getOffset() + query.getLimit())
                .stream().skip(query.getOffset()));
        ou.setItemLabelGenerator(OuRow::path);
        ou.setClearButtonVisible(true);
        ou.setTooltipText("Entries about accounts in this OU or an OU below it");
        permissionSet.setItems(auditTrail.permissionSetNames());
        permissionSet.setClearButtonVisible(true);
        action.setItems(AuditAction.values());
        action.setItemLabelGenerator(AuditAction::label);
        action.setClearButtonVisible(true);
        request.setPlaceholder("#");
        request.setAllowedCharPattern("[0-9]");
        request.setMaxLength(18);
        request.setWidth("7rem");
        request.setValueChangeMode(ValueChangeMode.LAZY);
        request.setClearButtonVisible(true);
        search.setPlaceholder("Words, e.g. OPS-1234");
        search.setTooltipText("Whole words, as typed: \"OPS-1234\" finds that ticket, \"OPS-12\" does not. Looks in "
                + "every field but time, action and address.");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        for (AbstractField<?, ?> field : new AbstractField<?, ?>[] {from, until, person, account, ou, permissionSet,
                action, request, search}) {
            field.addValueChangeListener(e -> {
                if (!settingFilters) {
                    refresh();
                }
            });
        }
        Button clear = new Button(CLEAR, VaadinIcon.CLOSE_SMALL.create(), e -> showOnly(() -> { }));
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        FlexLayout filters = new FlexLayout(from, until, person, account, ou, permissionSet, action, request, search,
                clear);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("gap", "0 var(--lumo-space-m)");

        Button verify = new Button(VERIFY, VaadinIcon.SHIELD.create(), e -> {
            verify();
            e.getSource().setEnabled(true);
        });
        verify.setDisableOnClick(true);
        Anchor export = new Anchor((DownloadHandler) event -> {
            AuditFilter filter = shown;
            event.setFileName(auditTrail.exportFileName(filter));
            event.setContentType("text/csv; charset=utf-8");
            auditTrail.export(filter, byteOrderMark, event.getOutputStream());
        }, AttachmentType.DOWNLOAD, EXPORT);
        export.setId("audit-export");
        forExcel.addValueChangeListener(e -> byteOrderMark = e.getValue());
        Span reportsLabel = new Span("Reports:");
        reportsLabel.addClassName("gatehouse-muted");
        HorizontalLayout tools = new HorizontalLayout(verify, export, forExcel, reportsLabel,
                report(reports, AuditReport.CURRENT_ACCESS_BY_ACCOUNT),
                report(reports, AuditReport.CURRENT_ACCESS_BY_PERSON), report(reports, AuditReport.GRANT_HISTORY));
        tools.setWrap(true);
        tools.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.addColumn(entry -> TimeText.withSeconds(entry.occurredAt())).setHeader("Time").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setHeader("Actor").setAutoWidth(true);
        grid.addColumn(entry -> entry.action().label()).setHeader("Action").setAutoWidth(true);
        grid.addColumn(AuditEntry::subject).setHeader("Subject").setAutoWidth(true);
        grid.addColumn(AuditEntry::details).setHeader("Details").setFlexGrow(1).setWidth("20rem");
        grid.addColumn(entry -> AddressText.of(entry.sourceAddress())).setHeader("Source").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(EMPTY_TEXT);
        grid.setHeightFull();
        // Shrinks beside the entry panel instead of pushing it off the page.
        grid.setMinWidth("0");
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() == null) {
                panel.setVisible(false);
            } else {
                panel.show(e.getValue());
            }
        });
        refresh();

        integrity.setId("audit-integrity");
        integrity.addClassName("gatehouse-muted");
        HorizontalLayout body = new HorizontalLayout(grid, panel);
        body.setSizeFull();
        body.setFlexGrow(1, grid);
        body.setFlexShrink(0, panel);
        add(new H2("Audit trail"), integrity, filters, tools, body);
        setFlexGrow(1, body);
    }

    /** A report's download; the grant history covers requests in the filter's time range. */
    private Anchor report(AuditReports reports, AuditReport report) {
        Anchor link = new Anchor((DownloadHandler) event -> {
            AuditFilter range = shown;
            event.setFileName(reports.fileName(report, range));
            event.setContentType("text/csv; charset=utf-8");
            reports.write(report, range, byteOrderMark, event.getOutputStream());
        }, AttachmentType.DOWNLOAD, report.label());
        if (report == AuditReport.GRANT_HISTORY) {
            link.setTitle("Requests sent in the From–Until range, with approvers, times and outcome");
        } else {
            link.setTitle("Standing and just-in-time access as of now, with where each comes from");
        }
        return link;
    }

    /** Runs in the request: Vaadin's loading bar shows while every link is recomputed. */
    private void verify() {
        ChainReport report = auditTrail.verify();
        integrity.setText(report.summary());
        integrity.getStyle().set("color", report.intact() ? "var(--lumo-success-text-color)"
                : "var(--lumo-error-text-color)");
        refresh();
    }

    /** Clears every filter, then sets what {@code set} sets, and shows the result once. */
    private void showOnly(Runnable set) {
        settingFilters = true;
        try {
            from.clear();
            until.clear();
            person.clear();
            account.clear();
            ou.clear();
            permissionSet.clear();
            action.clear();
            request.clear();
            search.clear();
            set.run();
        } finally {
            settingFilters = false;
        }
        refresh();
    }

    private void closeEntry() {
        grid.deselectAll();
        panel.setVisible(false);
    }

    /**
     * Marks a From or Until with only a date or only a time, and an Until not after From.
     *
     * @return whether the range runs forwards, so the grid may show it
     */
    private boolean explainRange() {
        Optional<Instant> start = moment(from);
        Optional<Instant> end = moment(until);
        boolean forwards = start.isEmpty() || end.isEmpty() || start.get().isBefore(end.get());
        mark(from, missingHalf(from));
        mark(until, forwards ? missingHalf(until) : RANGE_ERROR);
        return forwards;
    }

    private static String missingHalf(DateTimePicker picker) {
        if (picker.getValue() != null) {
            return null;
        }
        boolean date = picker.getChildren().anyMatch(half -> half instanceof DatePicker d && !d.isEmpty());
        boolean time = picker.getChildren().anyMatch(half -> half instanceof TimePicker t && !t.isEmpty());
        return date == time ? null : date ? TIME_MISSING : DATE_MISSING;
    }

    private static void mark(DateTimePicker picker, String problem) {
        picker.setInvalid(problem != null);
        picker.setErrorMessage(problem);
    }

    private void refresh() {
        if (!explainRange()) {
            return;
        }
        AuditFilter filter = new AuditFilter(search.getValue(), Optional.ofNullable(action.getValue()))
                .between(moment(from), moment(until))
                .byPerson(person.getValue())
                .onAccount(Optional.ofNullable(account.getValue()).map(AccountRow::id))
                .withinOu(Optional.ofNullable(ou.getValue()).map(OuRow::id))
                .onPermissionSet(Optional.ofNullable(permissionSet.getValue()))
                .ofRequest(request.getValue().isEmpty() ? OptionalLong.empty()
                        : OptionalLong.of(Long.parseLong(request.getValue())));
        shown = filter;
        closeEntry();
        AuditPages pages = new AuditPages(auditTrail, filter);
        grid.setItems(query -> pages.fetch(query.getOffset(), query.getLimit()));
    }

    private static Optional<Instant> moment(DateTimePicker picker) {
        return Optional.ofNullable(picker.getValue()).map(time -> time.toInstant(ZoneOffset.UTC));
    }
}
