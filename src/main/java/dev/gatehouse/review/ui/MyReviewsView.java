package dev.gatehouse.review.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

import dev.gatehouse.review.Decision;
import dev.gatehouse.review.ReviewDecisions;
import dev.gatehouse.review.ReviewItemRow;
import dev.gatehouse.review.ReviewProblem;
import dev.gatehouse.shared.TimeText;
import dev.gatehouse.shared.Toasts;

/**
 * The reviewer's items across active campaigns: select some, say why, and keep, revoke or convert them to
 * just in time together (Alt+K, Alt+R, Alt+J), or delegate one. A keep passes an item to the next stage's
 * reviewer; a revoke or a conversion at any stage is final.
 */
@Route("reviews")
@PageTitle("My reviews · Gatehouse")
@Menu(title = "My reviews", order = 12, icon = "vaadin:clipboard-check")
@PermitAll
public class MyReviewsView extends VerticalLayout {

    static final String EMPTY = "Nothing waits for your review.";
    static final String ITEMS_ID = "my-review-items";
    static final String DELEGATE_TO_ID = "delegate-to";
    static final String DELEGATE_REASON_ID = "delegate-reason";

    private final ReviewDecisions decisions;
    private final Grid<ReviewItemRow> items = new Grid<>();
    private final TextField comment = new TextField("Why (needed to keep)");

    public MyReviewsView(ReviewDecisions decisions) {
        this.decisions = decisions;
        addClassName("gatehouse-page");
        setSizeFull();
        items.setId(ITEMS_ID);
        items.setSelectionMode(Grid.SelectionMode.MULTI);
        items.addColumn(ReviewItemRow::campaignName).setHeader("Campaign").setAutoWidth(true);
        items.addColumn(ReviewText::person).setHeader("Person").setAutoWidth(true);
        items.addColumn(item -> item.access().accountName() + " (" + item.access().accountId() + ")")
                .setHeader("Account").setAutoWidth(true).setTooltipGenerator(item -> item.access().ouPath());
        items.addColumn(item -> item.access().permissionSetName()).setHeader("Permission set").setAutoWidth(true);
        items.addColumn(ReviewItemRow::source).setHeader("How held").setAutoWidth(true);
        items.addColumn(item -> item.firstSeen().map(TimeText::of).orElse("since the last sync"))
                .setHeader("Since").setAutoWidth(true);
        items.addColumn(item -> ReviewText.stage(item)).setHeader("Stage").setAutoWidth(true)
                .setTooltipGenerator(item -> item.reviewer().note());
        items.addColumn(ReviewText::state).setHeader("Decision").setFlexGrow(1)
                .setTooltipGenerator(ReviewItemRow::comment);
        items.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        items.setEmptyStateText(EMPTY);
        items.setItems(query -> decisions.myItems(query.getOffset(), query.getLimit()).stream(),
                query -> decisions.myItemCount());
        items.setSizeFull();

        comment.setMaxLength(1000);
        comment.setWidth("28rem");
        Button keep = new Button("Keep selected", e -> decide(Decision.KEEP));
        keep.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        keep.addClickShortcut(Key.KEY_K, KeyModifier.ALT);
        Button revoke = new Button("Revoke selected", e -> decide(Decision.REVOKE));
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        revoke.addClickShortcut(Key.KEY_R, KeyModifier.ALT);
        Button convert = new Button("Convert to just in time", e -> decide(Decision.CONVERT_TO_JIT));
        convert.addClickShortcut(Key.KEY_J, KeyModifier.ALT);
        convert.setTooltipText("Removes the standing assignment; the person requests it when needed (Alt+J)");
        Button delegate = new Button("Delegate…", e -> delegate());
        HorizontalLayout actions = new HorizontalLayout(comment, keep, revoke, convert, delegate);
        actions.setAlignItems(Alignment.BASELINE);

        add(new H2("My reviews"), new Paragraph("Access you review in active campaigns; never your own. Keeping needs "
                + "a reason; a revoke at any stage is final and is applied in Identity Center at once (access held "
                + "through a group is removed from the group instead, by whoever manages it). Converting to just "
                + "in time removes a direct assignment too, and lets the person request it when they need it."), actions, items);
        setFlexGrow(1, items);
    }

    private void decide(Decision decision) {
        List<ReviewItemRow> chosen = new ArrayList<>(items.getSelectedItems());
        if (chosen.isEmpty()) {
            Toasts.error("Select the items to " + verb(decision) + " first.");
            return;
        }
        int done = 0;
        List<String> problems = new ArrayList<>();
        for (ReviewItemRow item : chosen) {
            try {
                decisions.decide(item.id(), decision, comment.getValue());
                done++;
            } catch (ReviewProblem problem) {
                if (problem.field().equals("comment")) {
                    comment.setErrorMessage(problem.getMessage());
                    comment.setInvalid(true);
                    break;
                }
                problems.add(item.person().displayName() + ", " + item.access().permissionSetName() + " on "
                        + item.access().accountName() + ": " + problem.getMessage());
            }
        }
        if (done == 0 && problems.isEmpty()) {
            return;
        }
        comment.setInvalid(false);
        String summary = done + switch (decision) {
            case KEEP -> " kept";
            case REVOKE -> " revoked";
            case CONVERT_TO_JIT -> " converted to just in time";
        };
        if (problems.isEmpty()) {
            Toasts.success(summary + ".");
        } else {
            Toasts.error(summary + ". Not decided: " + String.join("; ", problems));
        }
        comment.clear();
        items.deselectAll();
        items.getDataProvider().refreshAll();
    }

    private static String verb(Decision decision) {
        return switch (decision) {
            case KEEP -> "keep";
            case REVOKE -> "revoke";
            case CONVERT_TO_JIT -> "convert to just in time";
        };
    }

    /** One item at a time: the person chosen decides it instead, and the reason is audited. */
    private void delegate() {
        if (items.getSelectedItems().size() != 1) {
            Toasts.error("Select the one item to hand to someone else.");
            return;
        }
        ReviewItemRow item = items.getSelectedItems().iterator().next();
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Delegate " + item.person().displayName() + ", " + item.access().permissionSetName()
                + " on " + item.access().accountName());
        ComboBox<ReviewItemRow.Person> to = new ComboBox<>("Who decides instead");
        to.setId(DELEGATE_TO_ID);
        to.setItemLabelGenerator(ReviewItemRow.Person::displayName);
        to.setItems(query -> decisions.delegates(item.id(), query.getFilter().orElse(""),
                Math.min(query.getLimit(), 50)).stream());
        to.setWidthFull();
        TextField reason = new TextField("Why");
        reason.setId(DELEGATE_REASON_ID);
        reason.setMaxLength(1000);
        reason.setWidthFull();
        Button hand = new Button("Delegate", e -> {
            try {
                ReviewItemRow handed = decisions.delegate(item.id(), to.getValue() == null ? "" : to.getValue().userId(),
                        reason.getValue());
                dialog.close();
                Toasts.success(handed.reviewer().name() + " decides " + item.person().displayName() + "'s "
                        + item.access().permissionSetName() + " on " + item.access().accountName() + " now.");
                items.deselectAll();
                items.getDataProvider().refreshAll();
            } catch (ReviewProblem problem) {
                if (problem.field().equals("reason")) {
                    reason.setErrorMessage(problem.getMessage());
                    reason.setInvalid(true);
                } else if (problem.field().equals("delegate")) {
                    to.setErrorMessage(problem.getMessage());
                    to.setInvalid(true);
                } else {
                    Toasts.error(problem.getMessage());
                }
            }
        });
        hand.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(to, reason));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), hand);
        dialog.open();
        to.focus();
    }
}
