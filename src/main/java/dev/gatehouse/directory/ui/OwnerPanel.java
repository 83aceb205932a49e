package dev.gatehouse.directory.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import dev.gatehouse.directory.OwnedKind;
import dev.gatehouse.directory.OwnerCandidate;
import dev.gatehouse.directory.OwnerProblem;
import dev.gatehouse.directory.Owners;
import dev.gatehouse.directory.Ownership;
import dev.gatehouse.shared.Toasts;

/**
 * The owner line of an account or a permission set: who owns it and from where, or why nobody does; an
 * admin can set an owner or go back to the AWS tag.
 */
class OwnerPanel extends HorizontalLayout {

    static final String OWNER_ID = "owner";
    static final String CHANGE_ID = "change-owner";
    static final String USE_TAG_ID = "use-owner-tag";

    private final Owners owners;
    private final OwnedKind kind;
    private final String resourceId;
    private final boolean admin;
    private final Span text = new Span();

    OwnerPanel(Owners owners, OwnedKind kind, String resourceId, boolean admin) {
        this.owners = owners;
        this.kind = kind;
        this.resourceId = resourceId;
        this.admin = admin;
        text.setId(OWNER_ID);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        owners.of(kind, resourceId).ifPresent(this::show);
    }

    private void show(Ownership ownership) {
        removeAll();
        text.setText("Owner: " + ownership.text());
        add(text);
        if (!admin) {
            return;
        }
        Button change = new Button(ownership.owner().isPresent() ? "Change owner…" : "Set owner…",
                click -> new OwnerDialog().open());
        change.setId(CHANGE_ID);
        change.addThemeVariants(ButtonVariant.LUMO_SMALL);
        add(change);
        if (ownership.owner().filter(owner -> !owner.fromTag()).isPresent()) {
            Button useTag = new Button("Use the AWS tag", click -> apply(() -> owners.useTag(kind, resourceId)));
            useTag.setId(USE_TAG_ID);
            useTag.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            add(useTag);
        }
    }

    private boolean apply(java.util.function.Supplier<Ownership> change) {
        try {
            Ownership after = change.get();
            show(after);
            Toasts.success("Owner: " + after.text());
            return true;
        } catch (OwnerProblem problem) {
            Toasts.error(problem.getMessage());
            return false;
        }
    }

    /** Picks a person or group, searched as one types; people first. */
    private final class OwnerDialog extends Dialog {

        OwnerDialog() {
            setHeaderTitle("Owner of this " + kind.label());
            ComboBox<OwnerCandidate> who = new ComboBox<>("Person or group");
            who.setId("owner-candidate");
            who.setWidth("28rem");
            who.setPlaceholder("Name, userName, email or group name");
            who.setItemLabelGenerator(OwnerCandidate::label);
            who.setItems(query -> owners.candidates(query.getFilter().orElse(""), query.getOffset(), query.getLimit())
                    .stream());
            add(new Paragraph("Reviews ask the owner about access to this " + kind.label()
                    + ". An owner set here wins over the AWS tag."), who);
            Button save = new Button("Save", click -> {
                OwnerCandidate chosen = who.getValue();
                if (chosen == null) {
                    who.setErrorMessage("Choose a person or a group.");
                    who.setInvalid(true);
                    return;
                }
                if (apply(() -> owners.set(kind, resourceId, chosen.type(), chosen.id()))) {
                    close();
                }
            });
            save.setId("save-owner");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            getFooter().add(new Button("Cancel", click -> close()), save);
            who.focus();
        }
    }
}
