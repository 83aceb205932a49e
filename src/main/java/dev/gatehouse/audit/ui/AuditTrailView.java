package dev.gatehouse.audit.ui;

import java.util.Optional;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;

import jakarta.annotation.security.RolesAllowed;

import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.AuditEntry;
import dev.gatehouse.audit.AuditFilter;
import dev.gatehouse.audit.AuditTrail;
import dev.gatehouse.audit.ChainReport;
import dev.gatehouse.security.GatehouseRole;
import dev.gatehouse.shared.TimeText;

/** The audit trail, newest first, searchable by text and action. */
@Route("audit")
@PageTitle("Audit trail · Gatehouse")
@Menu(title = "Audit trail", order = 90, icon = "vaadin:records")
@RolesAllowed({GatehouseRole.AUDITOR_NAME, GatehouseRole.ADMIN_NAME})
public class AuditTrailView extends VerticalLayout {

    static final String EMPTY_TEXT = "No audit entries match these filters.";
    static final String VERIFY = "Verify integrity";
    static final String EXPORT = "Export CSV";

    private final AuditTrail auditTrail;
    private final TextField search = new TextField("Search");
    private final ComboBox<AuditAction> action = new ComboBox<>("Action");
    private final Grid<AuditEntry> grid = new Grid<>();
    private final Checkbox forExcel = new Checkbox("For Excel (byte order mark)");
    /** What the grid shows, for the download request, which does not run under the page's lock. */
    private volatile AuditFilter shown = AuditFilter.ALL;
    private volatile boolean byteOrderMark;
    private final Paragraph integrity = new Paragraph("Each entry is chained to the one before by a SHA-256 hash; "
            + "verifying recomputes every link and names the first that does not hold.");

    public AuditTrailView(AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
        addClassName("gatehouse-page");
        setSizeFull();

        search.setPlaceholder("Person, subject or details");
        search.setWidth("22rem");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        action.setItems(AuditAction.values());
        action.setItemLabelGenerator(AuditAction::label);
        action.setClearButtonVisible(true);
        action.addValueChangeListener(e -> refresh());
        Button verify = new Button(VERIFY, VaadinIcon.SHIELD.create(), e -> {
            verify();
            e.getSource().setEnabled(true);
        });
        verify.setDisableOnClick(true);
        Anchor export = new Anchor((DownloadHandler) event -> {
            event.setFileName(auditTrail.exportFileName());
            event.setContentType("text/csv; charset=utf-8");
            auditTrail.export(shown, byteOrderMark, event.getOutputStream());
        }, AttachmentType.DOWNLOAD, EXPORT);
        export.setId("audit-export");
        forExcel.addValueChangeListener(e -> byteOrderMark = e.getValue());
        HorizontalLayout filters = new HorizontalLayout(search, action, verify, export, forExcel);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.addColumn(entry -> TimeText.withSeconds(entry.occurredAt())).setHeader("Time").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setHeader("Actor").setAutoWidth(true);
        grid.addColumn(entry -> entry.action().label()).setHeader("Action").setAutoWidth(true);
        grid.addColumn(AuditEntry::subject).setHeader("Subject").setAutoWidth(true);
        grid.addColumn(AuditEntry::details).setHeader("Details").setFlexGrow(1).setWidth("20rem");
        grid.addColumn(AuditEntry::sourceAddress).setHeader("Source").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(EMPTY_TEXT);
        grid.setSizeFull();
        refresh();

        integrity.setId("audit-integrity");
        integrity.addClassName("gatehouse-muted");
        add(new H2("Audit trail"), integrity, filters, grid);
        setFlexGrow(1, grid);
    }

    /** Runs in the request: Vaadin's loading bar shows while every link is recomputed. */
    private void verify() {
        ChainReport report = auditTrail.verify();
        integrity.setText(report.summary());
        integrity.getStyle().set("color", report.intact() ? "var(--lumo-success-text-color)"
                : "var(--lumo-error-text-color)");
        refresh();
    }

    private void refresh() {
        AuditFilter filter = new AuditFilter(search.getValue(), Optional.ofNullable(action.getValue()));
        shown = filter;
        grid.setItems(query -> auditTrail.page(filter, query.getOffset(), query.getLimit()).stream());
    }
}
