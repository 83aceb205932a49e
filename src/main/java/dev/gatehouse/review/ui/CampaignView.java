package dev.gatehouse.review.ui;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import dev.gatehouse.directory.Directory;
import dev.gatehouse.directory.UserRow;
import dev.gatehouse.policy.AccessPolicy;
import dev.gatehouse.policy.AccessPolicy.Picker;
import dev.gatehouse.policy.Choice;
import dev.gatehouse.review.CampaignProgress;
import dev.gatehouse.review.CampaignSeries;
import dev.gatehouse.review.CampaignScope;
import dev.gatehouse.review.CampaignStatus;
import dev.gatehouse.review.ItemStatus;
import dev.gatehouse.review.ReviewCampaign;
import dev.gatehouse.review.ReviewCampaigns;
import dev.gatehouse.review.ReviewEvidence;
import dev.gatehouse.review.ReviewItemRow;
import dev.gatehouse.review.ReviewProblem;
import dev.gatehouse.review.ReviewTemplates;
import dev.gatehouse.security.CurrentUser;
import dev.gatehouse.security.GatehouseRole;
import dev.gatehouse.shared.TimeText;
import dev.gatehouse.shared.Toasts;
import dev.gatehouse.ui.Polling;

/**
 * One campaign: what it reviews and who decides, what the launch snapshot (counts and hash), progress
 * overall and per reviewer, and every item with where it stands. An admin launches a draft here (or
 * launches anyway on a stale sync), the page follows the launch as it runs; on an active campaign an admin
 * reminds every reviewer with undecided items now, extends the due date, closes it now after the due-date
 * policy's preview, cancels it and reassigns
 * pending items; after a close, confirms or keeps what the policy held back as last admin-level access.
 * Once launched, its evidence: downloads, an admin's sign-off, and a check of a file against it. A
 * recurring campaign shows its series (previous and next occurrence, an admin's "stop recurring") and which
 * items are new since the last review; admins save any campaign's settings as a template.
 */
@Route("reviews/campaigns/:id")
@PageTitle("Review campaign · Gatehouse")
@RolesAllowed({GatehouseRole.ADMIN_NAME, GatehouseRole.AUDITOR_NAME})
public class CampaignView extends VerticalLayout implements BeforeEnterObserver {

    static final String ID = "id";
    static final String LAUNCH_ID = "launch-campaign";
    static final String ITEMS_ID = "campaign-items";
    static final String STATUS_ID = "campaign-status";
    static final String PROGRESS_ID = "campaign-progress";
    static final String PREVIEW_ID = "close-preview";
    static final String HELD_ID = "needing-confirmation";
    static final String REASSIGN = "reassign";
    static final String DECIDE = "decide";
    static final String REMIND_ID = "remind-now";
    static final String TIMING_ID = "campaign-timing";
    static final String SERIES_ID = "campaign-series";
    static final String NEW_SINCE = "new-since-last-review";
    static final String KINDS_ID = "campaign-kinds";
    static final String ADMIN_STEPS_ID = "admin-steps";


    private final ReviewCampaigns campaigns;
    private final ReviewEvidence evidence;
    private final ReviewTemplates templates;
    private final Directory directory;
    private final AccessPolicy choices;
    private final boolean admin;
    private long campaignId;
    private CampaignStatus shown;

    public CampaignView(ReviewCampaigns campaigns, ReviewEvidence evidence, ReviewTemplates templates,
                        Directory directory, AccessPolicy choices, CurrentUser currentUser) {
        this.campaigns = campaigns;
        this.evidence = evidence;
        this.templates = templates;
        this.directory = directory;
        this.choices = choices;
        this.admin = currentUser.get().filter(user -> user.has(GatehouseRole.ADMIN)).isPresent();
        addClassName("gatehouse-page");
        setSizeFull();
        Polling.every(this, Duration.ofSeconds(2), this::followLaunch);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get(ID).orElse("");
        Optional<ReviewCampaign> campaign = Optional.empty();
        try {
            campaignId = Long.parseLong(id);
            campaign = Optional.of(campaigns.campaign(campaignId));
        } catch (NumberFormatException | ReviewProblem notFound) {
            campaignId = -1;
        }
        removeAll();
        add(new Anchor("reviews/campaigns", "← Review campaigns"));
        campaign.ifPresentOrElse(this::show, () -> add(new H2("Campaign not found"),
                new Paragraph("There is no review campaign " + id + ".")));
    }

    private void show(ReviewCampaign campaign) {
        shown = campaign.status();
        Paragraph status = new Paragraph(statusText(campaign));
        status.setId(STATUS_ID);
        add(new H2(campaign.name()), status);
        if (!campaign.description().isEmpty()) {
            add(new Paragraph(campaign.description()));
        }
        Paragraph kinds = new Paragraph("What is reviewed: " + campaign.kinds().stream().sorted()
                .map(kind -> kind.label().toLowerCase()).collect(Collectors.joining(", ")) + ".");
        kinds.setId(KINDS_ID);
        add(new Paragraph("Reviews " + scopeText(campaign.scope()) + "."), kinds,
                new Paragraph("Reviewers: " + stagesText(campaign) + ". Fallback reviewer: "
                        + directory.user(campaign.fallbackReviewerId()).map(UserRow::displayName)
                        .orElse("not in the directory any more") + "."),
                new Paragraph("Due " + TimeText.of(campaign.dueAt()) + "; items nobody decided by then: "
                        + ReviewText.policy(campaign.dueDatePolicy()).toLowerCase() + "."),
                timing(campaign));
        showSeries(campaign);
        if (admin && campaign.status() == CampaignStatus.DRAFT) {
            Button launch = new Button("Launch…", click -> confirmLaunch(campaign));
            launch.setId(LAUNCH_ID);
            launch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(launch);
        }
        if (campaign.status() == CampaignStatus.ACTIVE) {
            Paragraph preview = new Paragraph("If it closed now: " + campaigns.closePreview(campaign.id()).text());
            preview.setId(PREVIEW_ID);
            add(preview);
        }
        if (admin) {
            HorizontalLayout actions = new HorizontalLayout();
            if (campaign.status() == CampaignStatus.ACTIVE) {
                Button remind = new Button("Remind now", click -> act(() -> campaigns.remindNow(campaign.id()).text()));
                remind.setId(REMIND_ID);
                actions.add(remind, new Button("Extend due date…", click -> extendDueDate(campaign)),
                        new Button("Close now…", click -> confirmClose(campaign)));
            }
            if (campaign.status() == CampaignStatus.DRAFT || campaign.status() == CampaignStatus.ACTIVE) {
                Button cancel = new Button("Cancel campaign…", click -> confirmCancel(campaign));
                cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
                actions.add(cancel);
            }
            actions.add(new Button("Save as template…", click -> saveAsTemplate(campaign)));
            add(actions);
        }
        if (campaign.population().isPresent()) {
            showProgress();
            showHeld(campaign);
            showAdminSteps(campaign);
            add(new EvidenceSection(evidence, campaign, admin));
            Grid<ReviewItemRow> items = new Grid<>();
            items.setId(ITEMS_ID);
            items.addColumn(ReviewText::person).setHeader("Person").setAutoWidth(true);
            items.addColumn(ReviewText::about).setHeader("What is reviewed").setAutoWidth(true)
                    .setTooltipGenerator(item -> item.kind().decisions());
            items.addColumn(ReviewText::account)
                    .setHeader("Account").setAutoWidth(true).setTooltipGenerator(item -> item.access().ouPath());
            items.addColumn(item -> item.access().permissionSetName()).setHeader("Permission set").setAutoWidth(true);
            items.addColumn(ReviewItemRow::source).setHeader("How held").setAutoWidth(true);
            if (campaign.recurrence().recurs()) {
                items.addColumn(item -> item.newSinceLastReview() ? ReviewText.NEW_SINCE_LAST_REVIEW : "")
                        .setHeader("Since last review").setKey(NEW_SINCE).setAutoWidth(true);
            }
            items.addColumn(ReviewText::stage).setHeader("Stage").setAutoWidth(true)
                    .setTooltipGenerator(item -> item.reviewer().note());
            items.addColumn(ReviewText::state).setHeader("Decision").setFlexGrow(1)
                    .setTooltipGenerator(ReviewItemRow::comment);
            if (admin && campaign.status() == CampaignStatus.ACTIVE) {
                items.addComponentColumn(item -> item.status() != ItemStatus.PENDING ? new Span()
                        : new Button("Reassign…", click -> reassign(item))).setKey(REASSIGN).setAutoWidth(true);
            }
            items.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
            items.setEmptyStateText("Nothing in scope was there to review at launch.");
            items.setItems(query -> campaigns.items(campaignId, query.getOffset(), query.getLimit()).stream());
            add(new H3("Items"), items);
            setFlexGrow(1, items);
        }
    }

    /** The recurrence: before launch what it will do, after it the series with the occurrences around this one. */
    private void showSeries(ReviewCampaign campaign) {
        if (!campaign.recurrence().recurs()) {
            return;
        }
        Optional<CampaignSeries> series = campaigns.series(campaign.id());
        Div section = new Div();
        section.setId(SERIES_ID);
        if (series.isEmpty()) {
            section.add(new Paragraph("Recurs " + campaign.recurrence().label().toLowerCase() + " from its launch: "
                    + "each occurrence is a campaign of its own, as long from start to due date as this one."));
            add(section);
            return;
        }
        CampaignSeries place = series.get();
        section.add(new Paragraph(place.text()));
        HorizontalLayout links = new HorizontalLayout();
        place.previousId().ifPresent(id -> links.add(new Anchor("reviews/campaigns/" + id, "← Previous occurrence")));
        place.nextId().ifPresent(id -> links.add(new Anchor("reviews/campaigns/" + id, "Next occurrence →")));
        if (admin && place.recurring()) {
            links.add(new Button("Stop recurring…", click -> confirmStop(campaign)));
        }
        if (links.getComponentCount() > 0) {
            section.add(links);
        }
        add(section);
    }

    private void confirmStop(ReviewCampaign campaign) {
        ConfirmDialog confirm = new ConfirmDialog("Stop " + campaign.name() + " recurring?",
                "No further occurrence is created. Occurrences already running go on to their due dates.",
                "Stop recurring", ok -> act(() -> campaigns.stopRecurring(campaign.id()), "Recurring stopped."));
        confirm.setCancelText("Back");
        confirm.setCancelable(true);
        confirm.open();
    }

    private void saveAsTemplate(ReviewCampaign campaign) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Save " + campaign.name() + " as a template");
        TextField name = new TextField("Template name");
        name.setMaxLength(120);
        name.setValue(campaign.name());
        name.setWidthFull();
        dialog.add(new Paragraph("Keeps the scope, exclusions, stages, fallback reviewer, due-date policy, reminders, "
                + "recurrence and how many days it runs; new campaigns from it start on the day they are made."), name);
        Button save = new Button("Save template", click -> {
            try {
                templates.saveAsTemplate(campaign.id(), name.getValue());
                dialog.close();
                Toasts.success("Saved the template \"" + name.getValue().strip() + "\".");
            } catch (ReviewProblem problem) {
                name.setInvalid(true);
                name.setErrorMessage(problem.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Back", click -> dialog.close()), save);
        dialog.open();
    }

    private void confirmLaunch(ReviewCampaign campaign) {
        Optional<String> stale = campaigns.staleSync();
        ConfirmDialog confirm = new ConfirmDialog("Launch " + campaign.name() + "?", stale.orElse(
                "Gatehouse takes a snapshot of what the campaign reviews in scope now, from the last directory "
                        + "sync, and sends each item to its reviewer. The scope and reviewers cannot change after that."),
                stale.isPresent() ? "Launch anyway" : "Launch", ok -> {
                    try {
                        campaigns.launch(campaign.id(), stale.isPresent());
                        Toasts.success("Launching: the items appear here when the snapshot is done.");
                    } catch (ReviewProblem problem) {
                        Toasts.error(problem.getMessage());
                    }
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.open();
    }

    private void showProgress() {
        CampaignProgress progress = campaigns.progress(campaignId);
        Paragraph overall = new Paragraph("Overall: " + ReviewText.counts(progress.overall()) + ".");
        overall.setId(PROGRESS_ID);
        Grid<CampaignProgress.ReviewerProgress> reviewers = new Grid<>();
        reviewers.addColumn(r -> r.reviewer().name()).setHeader("Reviewer").setAutoWidth(true);
        reviewers.addColumn(r -> r.counts().pending()).setHeader("Pending");
        reviewers.addColumn(r -> r.counts().decided()).setHeader("Decided");
        reviewers.addColumn(r -> r.counts().applying()).setHeader("Being removed");
        reviewers.addColumn(r -> r.counts().removed()).setHeader("Removed");
        reviewers.addColumn(r -> r.counts().failed()).setHeader("Failed");
        reviewers.addColumn(r -> r.counts().waitingForIdp()).setHeader("Waiting for IdP");
        reviewers.addColumn(r -> r.counts().waitingForAdmin()).setHeader("Waiting for an admin");
        reviewers.setAllRowsVisible(true);
        // One row per reviewer: a short list even in a large campaign.
        reviewers.setItems(progress.reviewers());
        add(new H3("Progress"), overall, reviewers);
    }

    /** Revokes only an admin can carry out, such as changing an access rule that covers a person through a group. */
    private void showAdminSteps(ReviewCampaign campaign) {
        List<ReviewItemRow> steps = campaigns.adminSteps(campaign.id());
        if (steps.isEmpty()) {
            return;
        }
        Grid<ReviewItemRow> grid = new Grid<>();
        grid.setId(ADMIN_STEPS_ID);
        grid.addColumn(item -> item.person().displayName()).setHeader("Person").setAutoWidth(true);
        grid.addColumn(ReviewText::about).setHeader("What is reviewed").setAutoWidth(true);
        grid.addColumn(ReviewItemRow::applyDetail).setHeader("What an admin must do").setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setItems(steps);
        add(new H3("Steps for an admin"), new Paragraph("Revoked by reviewers, but Gatehouse cannot do it alone: "
                + "each rule below lets others request too. Change the rule under Access rules; the reviewer may "
                + "still change the decision meanwhile."), grid);
    }

    private void showHeld(ReviewCampaign campaign) {
        List<ReviewItemRow> held = campaigns.needingConfirmation(campaign.id());
        if (held.isEmpty()) {
            return;
        }
        Grid<ReviewItemRow> grid = new Grid<>();
        grid.setId(HELD_ID);
        grid.addColumn(item -> item.person().displayName()).setHeader("Person").setAutoWidth(true);
        grid.addColumn(item -> item.access().accountName() + " (" + item.access().accountId() + ")")
                .setHeader("Account").setAutoWidth(true);
        grid.addColumn(item -> item.access().permissionSetName()).setHeader("Permission set").setAutoWidth(true);
        if (admin) {
            grid.addComponentColumn(item -> new HorizontalLayout(
                    new Button("Confirm revoke", click -> act(() -> campaigns.confirmRevoke(item.id()),
                            "Revoked: being removed in Identity Center.")),
                    new Button("Keep", click -> act(() -> campaigns.keepHeld(item.id()), "Kept."))))
                    .setKey(DECIDE).setAutoWidth(true);
        }
        grid.setAllRowsVisible(true);
        // Only what the policy held back as an account's last admin-level access: a handful.
        grid.setItems(held);
        add(new H3("Needs confirmation"), new Paragraph("The due-date policy would have revoked these, but each is the "
                + "last admin-level access of its account: confirm the revoke or keep it."), grid);
    }

    private void extendDueDate(ReviewCampaign campaign) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Extend the due date of " + campaign.name());
        DatePicker date = new DatePicker("New due date (end of the day, UTC)");
        date.setMin(campaign.dueAt().atZone(ZoneOffset.UTC).toLocalDate().plusDays(1));
        dialog.add(new Paragraph("Now due " + TimeText.of(campaign.dueAt()) + "."), date);
        Button extend = new Button("Extend", click -> {
            try {
                campaigns.extendDueDate(campaign.id(), date.getValue() == null ? null
                        : date.getValue().atTime(LocalTime.of(23, 59)).toInstant(ZoneOffset.UTC));
                dialog.close();
                Toasts.success("The due date moved.");
                refresh();
            } catch (ReviewProblem problem) {
                date.setInvalid(true);
                date.setErrorMessage(problem.getMessage());
            }
        });
        extend.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Back", click -> dialog.close()), extend);
        dialog.open();
    }

    private void confirmClose(ReviewCampaign campaign) {
        ConfirmDialog confirm = new ConfirmDialog("Close " + campaign.name() + " now?",
                "Reviewers stop deciding, and items nobody decided follow the due-date policy ("
                        + ReviewText.policy(campaign.dueDatePolicy()).toLowerCase() + "): "
                        + campaigns.closePreview(campaign.id()).text(),
                "Close now", ok -> act(() -> campaigns.closeEarly(campaign.id()), "Closed."));
        confirm.setCancelable(true);
        confirm.open();
    }

    private void confirmCancel(ReviewCampaign campaign) {
        ConfirmDialog confirm = new ConfirmDialog("Cancel " + campaign.name() + "?",
                "Reviewers stop deciding. Items nobody decided stay as they are and nothing is removed; revokes "
                        + "already applied stay applied.",
                "Cancel campaign", ok -> act(() -> campaigns.cancel(campaign.id()), "Cancelled."));
        confirm.setCancelText("Back");
        confirm.setCancelable(true);
        confirm.open();
    }

    private void reassign(ReviewItemRow item) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Reassign " + item.person().displayName() + "'s " + item.access().permissionSetName()
                + " on " + item.access().accountName());
        ComboBox<Choice> reviewer = new ComboBox<>("New reviewer");
        reviewer.setItemLabelGenerator(Choice::label);
        reviewer.setItems(query -> query.getOffset() > 0 ? Stream.empty()
                : choices.choices(Picker.PERSON, query.getFilter().orElse(""), Math.min(query.getLimit(), 50)).stream());
        dialog.add(new Paragraph("Now: " + item.reviewer().name() + "."), reviewer);
        Button save = new Button("Reassign", click -> {
            try {
                campaigns.reassign(item.id(), reviewer.getValue() == null ? "" : reviewer.getValue().id());
                dialog.close();
                Toasts.success("Reassigned to " + reviewer.getValue().label() + ".");
                refresh();
            } catch (ReviewProblem problem) {
                reviewer.setInvalid(true);
                reviewer.setErrorMessage(problem.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Back", click -> dialog.close()), save);
        dialog.open();
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Toasts.success(done);
        } catch (ReviewProblem problem) {
            Toasts.error(problem.getMessage());
        }
        refresh();
    }

    /** Runs an action whose result is its own toast, such as how many reviewers were reminded. */
    private void act(Supplier<String> action) {
        try {
            Toasts.success(action.get());
        } catch (ReviewProblem problem) {
            Toasts.error(problem.getMessage());
        }
        refresh();
    }

    private void refresh() {
        getUI().ifPresent(ui -> ui.refreshCurrentRoute(false));
    }

    /** While the launch runs, the page shows the campaign again once its status moves on. */
    private void followLaunch() {
        if (shown != CampaignStatus.LAUNCHING || campaignId < 0) {
            return;
        }
        if (campaigns.campaign(campaignId).status() != CampaignStatus.LAUNCHING) {
            getUI().ifPresent(ui -> ui.refreshCurrentRoute(false));
        }
    }

    private static String statusText(ReviewCampaign campaign) {
        String status = ReviewText.status(campaign.status()) + ", created by " + campaign.createdBy() + " "
                + TimeText.of(campaign.createdAt());
        return campaign.status() == CampaignStatus.LAUNCHING ? status + ". Taking the snapshot…"
                : status + campaign.population().map(p -> ". Launched " + TimeText.of(p.launchedAt()) + ": " + p.items()
                + " items (" + p.direct() + " assigned directly, " + p.throughGroups() + " through groups"
                + p.otherKinds().stream().map(kind -> ", " + kind).collect(Collectors.joining()) + "); SHA-256 of "
                + "the item list " + p.sha256()).orElse("") + ".";
    }

    private static Paragraph timing(ReviewCampaign campaign) {
        Paragraph text = new Paragraph(ReviewText.timing(campaign));
        text.setId(TIMING_ID);
        return text;
    }

    private static String scopeText(CampaignScope scope) {
        List<String> parts = new ArrayList<>();
        parts.add(scope.wholeOrganization() ? "standing access across the whole organization"
                : "standing access on " + count(scope.ouIds().size(), "OU") + " (with the OUs below)"
                + " and " + count(scope.accountIds().size(), "account"));
        if (!scope.excludedPermissionSetArns().isEmpty()) {
            parts.add("never " + count(scope.excludedPermissionSetArns().size(), "permission set"));
        }
        if (!scope.excludedGroupIds().isEmpty()) {
            parts.add("never access through " + count(scope.excludedGroupIds().size(), "group"));
        }
        return String.join("; ", parts);
    }

    private static String stagesText(ReviewCampaign campaign) {
        List<String> stages = new ArrayList<>();
        for (int i = 0; i < campaign.stages().size(); i++) {
            stages.add((i + 1) + ". " + campaign.stages().get(i).kind().label());
        }
        return String.join(", then ", stages);
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
