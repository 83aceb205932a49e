package dev.gatehouse.review.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

import dev.gatehouse.review.BulkOutcome;
import dev.gatehouse.review.Decision;
import dev.gatehouse.review.ItemKind;
import dev.gatehouse.review.MyReviewItem;
import dev.gatehouse.review.MyReviewsFilter;
import dev.gatehouse.review.ReviewDecisions;
import dev.gatehouse.review.ReviewItemRow;
import dev.gatehouse.review.ReviewProblem;
import dev.gatehouse.shared.TimeText;
import dev.gatehouse.shared.Toasts;

/**
 * The reviewer's items across active campaigns, each with what they weigh (the person now, the policies and
 * whether they are admin-level, the last just-in-time use, the access rule that covers it, a recommendation);
 * filtered, searched (Alt+S) and grouped by person or account on the server. Keep or revoke the selected
 * items (Alt+K, Alt+R), or every item matching the filter after a confirmation naming how many; convert the
 * selected items to just in time (Alt+J), or delegate one. A keep passes an item to the next stage's
 * reviewer; a revoke or a conversion at any stage is final.
 */
@Route("reviews")
@PageTitle("My reviews · Gatehouse")
@Menu(title = "My reviews", order = 12, icon = "vaadin:clipboard-check")
@PermitAll
public class MyReviewsView extends VerticalLayout {

    static final String EMPTY = "Nothing waits for your review.";
    static final String NOTHING_MATCHES = "No item matches the filter.";
    static final String ITEMS_ID = "my-review-items";
    static final String COUNT_ID = "my-review-count";
    static final String DELEGATE_TO_ID = "delegate-to";
    static final String DELEGATE_REASON_ID = "delegate-reason";
    /** How many of a bulk decision's problems the toast names; the rest are counted. */
    static final int PROBLEMS_NAMED = 10;

    private final ReviewDecisions decisions;
    private final Grid<MyReviewItem> items = new Grid<>();
    private final TextField comment = new TextField("Why (needed to keep)");
    private final Span count = new Span();
    private final ReviewFilterBar filters;

    public MyReviewsView(ReviewDecisions decisions) {
        this.decisions = decisions;
        addClassName("gatehouse-page");
        setSizeFull();
        filters = new ReviewFilterBar(decisions, this::filtered);
        items.setId(ITEMS_ID);
        items.setSelectionMode(Grid.SelectionMode.MULTI);
        column("person", "Person", item -> ReviewText.person(item.item()));
        column("kind", "What is reviewed", item -> ReviewText.about(item.item()))
                .setTooltipGenerator(item -> item.item().kind().decisions());
        column("account", "Account", item -> ReviewText.account(item.item())
                + (item.item().access().ouPath().isEmpty() ? "" : ", " + item.item().access().ouPath()))
                .setTooltipGenerator(item -> item.item().access().ouPath());
        column("campaign", "Campaign", item -> item.item().campaignName());
        column("identity-store", "In the Identity Store", item -> item.context().person().text());
        column("permission-set", "Permission set", item -> item.item().access().permissionSetName());
        column("policies", "Policies", item -> item.context().policySummary());
        column("risk", "Risk", item -> item.context().adminLevel().map(why -> "Admin-level: " + why).orElse(""));
        column("held", "How held", item -> item.item().source());
        column("since", "Since", item -> item.item().firstSeen().map(TimeText::of).orElse("since the last sync")
                + (item.item().newSinceLastReview() ? " · " + ReviewText.NEW_SINCE_LAST_REVIEW : ""));
        column("last-use", "Last just-in-time use", item -> item.context().lastJustInTimeUse().map(TimeText::of)
                .orElse("Never"));
        column("rule", "Access rule", item -> item.context().coveringRule()
                .map(rule -> "Rule \"" + rule + "\" covers it").orElse("No rule covers it"));
        column("recommendation", "Recommendation", item -> item.context().recommendation());
        column("stage", "Stage", item -> ReviewText.stage(item.item()))
                .setTooltipGenerator(item -> item.item().reviewer().note());
        column("decision", "Decision", item -> ReviewText.state(item.item())).setFlexGrow(1)
                .setTooltipGenerator(item -> item.item().comment());
        items.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        items.setEmptyStateText(EMPTY);
        items.setItems(query -> decisions.myItems(filters.filter(), query.getOffset(), query.getLimit()).stream(),
                query -> decisions.myItemCount(filters.filter()));
        items.setSizeFull();
        count.setId(COUNT_ID);

        comment.setMaxLength(1000);
        comment.setWidth("28rem");
        Button keep = new Button("Keep selected", e -> decide(Decision.KEEP));
        keep.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        keep.addClickShortcut(Key.KEY_K, KeyModifier.ALT);
        Button revoke = new Button("Revoke selected", e -> decide(Decision.REVOKE));
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        revoke.addClickShortcut(Key.KEY_R, KeyModifier.ALT);
        Button keepAll = new Button("Keep all matching…", e -> confirmMatching(Decision.KEEP));
        Button revokeAll = new Button("Revoke all matching…", e -> confirmMatching(Decision.REVOKE));
        revokeAll.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        keepAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button convert = new Button("Convert to just in time", e -> decide(Decision.CONVERT_TO_JIT));
        convert.addClickShortcut(Key.KEY_J, KeyModifier.ALT);
        convert.setTooltipText("Removes the standing assignment; the person requests it when needed (Alt+J)");
        Button delegate = new Button("Delegate…", e -> delegate());
        HorizontalLayout actions = new HorizontalLayout(comment, keep, revoke, convert, delegate, keepAll, revokeAll);
        actions.setAlignItems(Alignment.BASELINE);
        actions.setWrap(true);

        add(new H2("My reviews"), new Paragraph("Access you review in active campaigns; never your own. Keeping needs "
                + "a reason; a revoke at any stage is final and is applied in Identity Center at once (access held "
                + "through a group is removed from the group instead, by whoever manages it). Converting to just "
                + "in time removes a direct assignment too, and lets the person request it when they need it. "
                + "Alt+K keeps, Alt+R revokes and Alt+J converts the selected items; Alt+S goes to the search."),
                new Paragraph("Campaigns may also ask about other things than standing access. An access rule's "
                        + "eligibility: " + ItemKind.ELIGIBILITY.decisions() + " A group membership: "
                        + ItemKind.MEMBERSHIP.decisions() + " A break-glass activation: "
                        + ItemKind.BREAK_GLASS.decisions()), filters, actions, count, items);
        setFlexGrow(1, items);
        filtered();
    }

    private Grid.Column<MyReviewItem> column(String key, String header, ValueProvider<MyReviewItem, String> value) {
        return items.addColumn(value).setKey(key).setHeader(header).setAutoWidth(true);
    }

    /** The grid in the filter's order, with the group key (person or account) first, and the count. */
    private void filtered() {
        MyReviewsFilter filter = filters.filter();
        List<Grid.Column<MyReviewItem>> order = new ArrayList<>(items.getColumns());
        Grid.Column<MyReviewItem> first = items.getColumnByKey(
                filter.grouping() == MyReviewsFilter.Grouping.BY_PERSON ? "person" : "account");
        Grid.Column<MyReviewItem> second = items.getColumnByKey(
                filter.grouping() == MyReviewsFilter.Grouping.BY_PERSON ? "account" : "person");
        order.remove(first);
        order.remove(second);
        order.add(0, first);
        order.add(1, second);
        items.setColumnOrder(order);
        items.deselectAll();
        items.getDataProvider().refreshAll();
        int matching = decisions.myItemCount(filter);
        items.setEmptyStateText(matching == 0 && !filter.equals(MyReviewsFilter.everything().grouping(filter.grouping()))
                ? NOTHING_MATCHES : EMPTY);
        count.setText(matching == 1 ? "1 item matches" : matching + " items match");
    }

    private void decide(Decision decision) {
        List<MyReviewItem> chosen = new ArrayList<>(items.getSelectedItems());
        if (chosen.isEmpty()) {
            Toasts.error("Select the items to " + verb(decision) + " first.");
            return;
        }
        int done = 0;
        List<String> problems = new ArrayList<>();
        for (MyReviewItem chosenItem : chosen) {
            ReviewItemRow item = chosenItem.item();
            try {
                decisions.decide(item.id(), decision, comment.getValue());
                done++;
            } catch (ReviewProblem problem) {
                if (problem.field().equals("comment")) {
                    refuseComment(problem);
                    break;
                }
                problems.add(item.person().displayName() + ", " + item.access().permissionSetName() + " on "
                        + item.access().accountName() + ": " + problem.getMessage());
            }
        }
        if (done == 0 && problems.isEmpty()) {
            return;
        }
        decided(decision, new BulkOutcome(done, problems));
    }

    /** Every item matching the filter, after the reviewer confirmed how many that is. */
    private void confirmMatching(Decision decision) {
        MyReviewsFilter filter = filters.filter();
        int matching = decisions.myItemCount(filter);
        if (matching == 0) {
            Toasts.error(NOTHING_MATCHES);
            return;
        }
        String what = matching == 1 ? "the 1 item" : "all " + matching + " items";
        ConfirmDialog confirm = new ConfirmDialog(capitalised(verb(decision)) + " " + what + " matching the filter?",
                (decision == Decision.KEEP ? "Keeps " : "Revokes ") + what + " that match the filter now"
                        + (decision == Decision.KEEP ? ", each with your reason, and passes those at an earlier stage "
                        + "to the next reviewer." : "; each revoke is final and is applied in Identity Center at once."),
                capitalised(verb(decision)) + " " + matching, ok -> {
                    try {
                        decided(decision, decisions.decideMatching(filter, decision, comment.getValue()));
                    } catch (ReviewProblem problem) {
                        if (problem.field().equals("comment")) {
                            refuseComment(problem);
                        } else {
                            Toasts.error(problem.getMessage());
                        }
                    }
                });
        confirm.setCancelable(true);
        if (decision == Decision.REVOKE) {
            confirm.setConfirmButtonTheme("error primary");
        }
        confirm.open();
    }

    private void decided(Decision decision, BulkOutcome outcome) {
        comment.setInvalid(false);
        String summary = outcome.decided() + switch (decision) {
            case KEEP -> " kept";
            case REVOKE -> " revoked";
            case CONVERT_TO_JIT -> " converted to just in time";
        };
        if (outcome.problems().isEmpty()) {
            Toasts.success(summary + ".");
        } else {
            List<String> named = outcome.problems().subList(0, Math.min(PROBLEMS_NAMED, outcome.problems().size()));
            int more = outcome.problems().size() - named.size();
            Toasts.error(summary + ". Not decided: " + String.join("; ", named)
                    + (more > 0 ? "; and " + more + " more" : ""));
        }
        comment.clear();
        filtered();
    }

    private void refuseComment(ReviewProblem problem) {
        comment.setErrorMessage(problem.getMessage());
        comment.setInvalid(true);
    }

    private static String verb(Decision decision) {
        return switch (decision) {
            case KEEP -> "keep";
            case REVOKE -> "revoke";
            case CONVERT_TO_JIT -> "convert to just in time";
        };
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** One item at a time: the person chosen decides it instead, and the reason is audited. */
    private void delegate() {
        if (items.getSelectedItems().size() != 1) {
            Toasts.error("Select the one item to hand to someone else.");
            return;
        }
        ReviewItemRow item = items.getSelectedItems().iterator().next().item();
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
                filtered();
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
