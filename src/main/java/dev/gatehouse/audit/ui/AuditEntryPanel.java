package dev.gatehouse.audit.ui;

import java.util.LinkedHashSet;
import java.util.List;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import dev.gatehouse.audit.AuditEntry;
import dev.gatehouse.audit.AuditSubjects;
import dev.gatehouse.shared.AddressText;
import dev.gatehouse.shared.TimeText;

/**
 * One entry in full, beside the grid, with links to the entries it belongs with: all of its access
 * request (the request, its approvals, its grant and the grant's AWS writes), its account, its
 * permission set, its person.
 */
class AuditEntryPanel extends VerticalLayout {

    /** What a link asks the screen to show instead. */
    interface Links {
        void request(long id);

        void account(String id);

        void permissionSet(String name);

        void person(String name);
    }

    static final String REQUEST_LINK = "All entries of this request";

    private final Links links;
    private final FormLayout fields = new FormLayout();
    private final VerticalLayout related = new VerticalLayout();

    AuditEntryPanel(Links links, Runnable close) {
        this.links = links;
        setId("audit-entry");
        setWidth("26rem");
        setHeightFull();
        getStyle().set("overflow", "auto").set("border-left", "1px solid var(--lumo-contrast-10pct)");
        Button closeButton = new Button(VaadinIcon.CLOSE.create(), e -> close.run());
        closeButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        closeButton.setAriaLabel("Close the entry (Escape)");
        closeButton.addClickShortcut(Key.ESCAPE);
        HorizontalLayout header = new HorizontalLayout(new H3("Entry"), closeButton);
        header.setWidthFull();
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        related.setPadding(false);
        related.setSpacing(false);
        add(header, fields, related);
        setVisible(false);
    }

    void show(AuditEntry entry) {
        AuditSubjects about = entry.about();
        fields.removeAll();
        field("Entry", String.valueOf(entry.seq()));
        field("Time", TimeText.withSeconds(entry.occurredAt()));
        field("Action", entry.action().label());
        field("Actor", entry.actor());
        field("Subject", entry.subject());
        field("Person", about.person());
        field("Account", about.accountId());
        field("Permission set", about.permissionSet());
        about.requestId().ifPresent(id -> field("Request", "#" + id));
        field("AWS request id", about.awsRequestId());
        field("Details", entry.details());
        field("Source address", AddressText.of(entry.sourceAddress()));
        field("Hash (SHA-256)", entry.hash());

        related.removeAll();
        about.requestId().ifPresent(id -> related.add(link(REQUEST_LINK, () -> links.request(id))));
        if (!about.accountId().isEmpty()) {
            related.add(link("All entries about account " + about.accountId(), () -> links.account(about.accountId())));
        }
        if (!about.permissionSet().isEmpty()) {
            related.add(link("All entries about " + about.permissionSet(),
                    () -> links.permissionSet(about.permissionSet())));
        }
        // The actor by display name, the person concerned by display or sign-in name: a link for each.
        for (String person : new LinkedHashSet<>(List.of(about.person().isEmpty() ? entry.actor() : about.person(),
                entry.actor()))) {
            related.add(link("All entries by or about " + person, () -> links.person(person)));
        }
        setVisible(true);
    }

    private void field(String label, String value) {
        if (value != null && !value.isEmpty()) {
            Div text = new Div(new Text(value));
            text.getStyle().set("overflow-wrap", "anywhere").set("white-space", "pre-wrap");
            fields.addFormItem(text, label);
        }
    }

    private static Button link(String text, Runnable action) {
        Button link = new Button(text, VaadinIcon.FILTER.create(), e -> action.run());
        link.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return link;
    }
}
