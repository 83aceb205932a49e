package dev.gatehouse.access.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

import dev.gatehouse.shared.DurationText;
import dev.gatehouse.access.AccessProblem;
import dev.gatehouse.access.AccessService;
import dev.gatehouse.access.GrantService;
import dev.gatehouse.security.StepUp;
import dev.gatehouse.security.StepUpRequired;
import dev.gatehouse.security.ui.StepUpDialog;
import dev.gatehouse.access.GrantSummary;
import dev.gatehouse.access.RequestStatus;
import dev.gatehouse.access.RequestSummary;
import dev.gatehouse.shared.TimeText;
import dev.gatehouse.shared.Toasts;
import dev.gatehouse.ui.MainLayout;

/**
 * The approvals inbox: pending requests the person may decide, oldest first. Select one or more,
 * add a comment if you like, and approve or deny them together.
 */
@Route("approvals")
@PageTitle("Approvals · Gatehouse")
@Menu(title = "Approvals", order = 10, icon = "vaadin:check-square-o")
@PermitAll
public class ApprovalsView extends VerticalLayout {

    static final String EMPTY = "Nothing waits for your decision.";
    static final String REVOKE = "revoke";
    static final String BREAK_GLASS = "Break-glass that names you";

    private final AccessService access;
    private final StepUp stepUp;
    private final Grid<RequestSummary> inbox = new Grid<>();
    private final TextField comment = new TextField("Comment (optional)");
    private final Grid<GrantSummary> revocable = new Grid<>();
    private final Grid<RequestSummary> breakGlass = new Grid<>();

    public ApprovalsView(AccessService access, GrantService grants, StepUp stepUp) {
        this.stepUp = stepUp;
        this.access = access;
        addClassName("gatehouse-page");
        setSizeFull();
        inbox.setSelectionMode(Grid.SelectionMode.MULTI);
        inbox.addColumn(r -> TimeText.of(r.createdAt())).setHeader("Requested").setAutoWidth(true);
        inbox.addColumn(RequestSummary::requesterName).setHeader("Requester").setAutoWidth(true);
        inbox.addColumn(r -> r.accountName() + " (" + r.accountId() + ")").setHeader("Account").setAutoWidth(true);
        inbox.addColumn(RequestSummary::permissionSetName).setHeader("Permission set").setAutoWidth(true);
        inbox.addColumn(r -> r.extendsGrant().isPresent() ? "+" + DurationText.of(r.duration()) + " (extension)"
                : DurationText.of(r.duration()) + r.startsAt().map(at -> " from " + TimeText.of(at)).orElse(""))
                .setHeader("For").setAutoWidth(true);
        inbox.addColumn(RequestSummary::justification).setHeader("Justification").setFlexGrow(3);
        inbox.addColumn(RequestSummary::ticket).setHeader("Ticket").setAutoWidth(true);
        inbox.addColumn(r -> r.approvedBy().size() + " of " + r.approvalsRequired()).setHeader("Approvals")
                .setAutoWidth(true).setTooltipGenerator(RequestSummary::approvalSummary);
        inbox.addColumn(r -> r.requesterAccess().isEmpty() ? "none" : String.join(", ", r.requesterAccess()))
                .setHeader("Their access now").setFlexGrow(2);
        inbox.setEmptyStateText(EMPTY);
        inbox.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        inbox.setItems(query -> access.inbox(query.getOffset(), query.getLimit()).stream());
        inbox.setSizeFull();

        comment.setMaxLength(1000);
        comment.setWidth("28rem");
        Button approve = new Button("Approve selected", e -> decide(true));
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        Button deny = new Button("Deny selected", e -> decide(false));
        deny.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout actions = new HorizontalLayout(comment, approve, deny);
        actions.setAlignItems(Alignment.BASELINE);

        revocable.addColumn(GrantSummary::holderName).setHeader("Person").setAutoWidth(true);
        revocable.addColumn(g -> g.accountName() + " (" + g.accountId() + ")").setHeader("Account").setAutoWidth(true);
        revocable.addColumn(GrantSummary::permissionSetName).setHeader("Permission set").setAutoWidth(true);
        revocable.addColumn(GrantSummary::statusLabel).setHeader("Status").setAutoWidth(true);
        revocable.addColumn(g -> TimeText.of(g.endsAt())).setHeader("Until").setAutoWidth(true);
        revocable.addComponentColumn(grant -> {
            Button revoke = new Button("Revoke", e -> new RevokeDialog(grants, grant,
                    () -> revocable.getDataProvider().refreshAll()).open());
            revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            revoke.setVisible(!grant.endingEarly());
            return revoke;
        }).setKey(REVOKE).setHeader("").setAutoWidth(true);
        revocable.setEmptyStateText("Nobody holds access you approve.");
        revocable.setItems(query -> grants.revocableGrants(query.getOffset(), query.getLimit()).stream());
        revocable.setMinHeight("12rem");

        add(new H2("Approvals"), new Paragraph("You never see your own requests here; each needs the number of "
                + "different approvers its rule asks for."), actions, inbox);
        if (!access.breakGlassToldToMe(0, 1).isEmpty()) {
            add(new H3(BREAK_GLASS), breakGlassGrid(), new Paragraph("Activated at once without approval; it stays "
                    + "here until an admin follows it up. Revoke it under Access you approve if it should not go on."));
        }
        add(new H3("Access you approve"), revocable);
        access.whyNotInDirectory().ifPresent(reason -> add(new Paragraph(reason)));
        setFlexGrow(2, inbox);
        setFlexGrow(1, revocable);
    }

    private Grid<RequestSummary> breakGlassGrid() {
        breakGlass.setId("break-glass-told");
        breakGlass.addColumn(r -> TimeText.of(r.createdAt())).setHeader("Activated").setAutoWidth(true);
        breakGlass.addColumn(RequestSummary::requesterName).setHeader("Person").setAutoWidth(true);
        breakGlass.addColumn(r -> r.accountName() + " (" + r.accountId() + ")").setHeader("Account")
                .setAutoWidth(true);
        breakGlass.addColumn(RequestSummary::permissionSetName).setHeader("Permission set").setAutoWidth(true);
        breakGlass.addColumn(RequestSummary::justification).setHeader("Justification").setFlexGrow(2)
                .setTooltipGenerator(RequestSummary::justification);
        breakGlass.addColumn(r -> r.grant().map(g -> g.status().label()).orElse("")).setHeader("Access")
                .setAutoWidth(true);
        breakGlass.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        breakGlass.setAllRowsVisible(true);
        breakGlass.setItems(query -> access.breakGlassToldToMe(query.getOffset(), query.getLimit()).stream());
        return breakGlass;
    }

    private void decide(boolean approve) {
        List<RequestSummary> chosen = new ArrayList<>(inbox.getSelectedItems());
        if (chosen.isEmpty()) {
            Toasts.error("Select the requests to " + (approve ? "approve" : "deny") + " first.");
            return;
        }
        decide(approve, chosen, comment.getValue());
    }

    /** Decides each request; those whose rule asks for MFA to approve wait for a step-up, then go again. */
    private void decide(boolean approve, List<RequestSummary> chosen, String note) {
        List<RequestSummary> needStepUp = new ArrayList<>();
        int granted = 0;
        int recorded = 0;
        List<String> problems = new ArrayList<>();
        for (RequestSummary request : chosen) {
            try {
                RequestStatus status = access.decide(request.id(), approve, note);
                switch (status) {
                    case APPROVED -> granted++;
                    case CANCELLED -> problems.add(request.requesterName() + ", " + request.accountName()
                            + ": the access this extends had already ended");
                    default -> recorded++;
                }
            } catch (StepUpRequired required) {
                needStepUp.add(request);
            } catch (AccessProblem problem) {
                problems.add(request.requesterName() + ", " + request.accountName() + ": " + problem.getMessage());
            }
        }
        if (!needStepUp.isEmpty()) {
            StepUpDialog.open(stepUp, "Verify a second factor to approve " + (needStepUp.size() == 1
                    ? "this request: its rule asks" : needStepUp.size() + " requests: their rules ask")
                    + " for MFA to approve.", () -> decide(approve, needStepUp, note));
            if (needStepUp.size() == chosen.size()) {
                return;
            }
        }
        String summary = approve
                ? granted + " approved and granted"
                        + (recorded > 0 ? ", " + recorded + " still need more approvals" : "")
                : recorded + " denied";
        if (problems.isEmpty()) {
            Toasts.success(summary + ".");
        } else {
            Toasts.error(summary + ". Not decided: " + String.join("; ", problems));
        }
        comment.clear();
        inbox.deselectAll();
        inbox.getDataProvider().refreshAll();
        revocable.getDataProvider().refreshAll();
        MainLayout.countsChanged(this);
    }
}
