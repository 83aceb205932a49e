package dev.gatehouse.review.ui;

import java.util.Optional;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;

import jakarta.annotation.security.RolesAllowed;

import dev.gatehouse.policy.AccessPolicy;
import dev.gatehouse.review.ReviewCampaign;
import dev.gatehouse.review.ReviewCampaigns;
import dev.gatehouse.review.ReviewTemplates;
import dev.gatehouse.security.CurrentUser;
import dev.gatehouse.security.GatehouseRole;
import dev.gatehouse.shared.TimeText;
import dev.gatehouse.shared.Toasts;

/**
 * Every review campaign, newest first; admins start a new one, blank or from a template, and rename or
 * delete templates. A row opens the campaign.
 */
@Route("reviews/campaigns")
@PageTitle("Review campaigns · Gatehouse")
@Menu(title = "Review campaigns", order = 60, icon = "vaadin:clipboard-text")
@RolesAllowed({GatehouseRole.ADMIN_NAME, GatehouseRole.AUDITOR_NAME})
public class CampaignsView extends VerticalLayout {

    static final String CAMPAIGNS_ID = "review-campaigns";
    static final String NEW_ID = "new-campaign";
    static final String FROM_TEMPLATE_ID = "new-from-template";
    static final String TEMPLATES_ID = "manage-templates";

    public CampaignsView(ReviewCampaigns campaigns, ReviewTemplates templates, AccessPolicy choices,
                         CurrentUser currentUser) {
        addClassName("gatehouse-page");
        setSizeFull();
        Grid<ReviewCampaign> grid = new Grid<>();
        grid.setId(CAMPAIGNS_ID);
        grid.addColumn(ReviewCampaign::name).setHeader("Campaign").setFlexGrow(1);
        grid.addColumn(c -> ReviewText.status(c.status())).setHeader("Status").setAutoWidth(true);
        grid.addColumn(c -> c.population().map(p -> String.valueOf(p.items())).orElse("")).setHeader("Items")
                .setAutoWidth(true);
        grid.addColumn(c -> TimeText.of(c.dueAt())).setHeader("Due").setAutoWidth(true);
        grid.addColumn(c -> c.createdBy() + ", " + TimeText.of(c.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.setEmptyStateText("No review campaign yet.");
        grid.setItems(query -> campaigns.campaigns(query.getOffset(), query.getLimit()).stream(),
                query -> campaigns.campaignCount());
        grid.addItemClickListener(click -> open(click.getItem()));
        add(new H2("Review campaigns"), new Paragraph("A campaign asks managers and owners whether each person's "
                + "standing access should stay; what they revoke is removed in Identity Center."));
        if (currentUser.get().filter(user -> user.has(GatehouseRole.ADMIN)).isPresent()) {
            Consumer<ReviewCampaign> created = campaign -> {
                Toasts.success("Saved \"" + campaign.name() + "\" as a draft: launch it from its page.");
                open(campaign);
            };
            Button create = new Button("New campaign…", click -> new CampaignDialog(campaigns, choices, created).open());
            create.setId(NEW_ID);
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button fromTemplate = new Button("New from template…", click -> TemplatesDialog.pick(templates,
                    draft -> new CampaignDialog(campaigns, choices, created, Optional.of(draft)).open()));
            fromTemplate.setId(FROM_TEMPLATE_ID);
            Button manage = new Button("Templates…", click -> TemplatesDialog.manage(templates));
            manage.setId(TEMPLATES_ID);
            add(new HorizontalLayout(create, fromTemplate, manage));
        }
        add(grid);
        setFlexGrow(1, grid);
    }

    private void open(ReviewCampaign campaign) {
        getUI().ifPresent(ui -> ui.navigate(CampaignView.class,
                new RouteParameters(CampaignView.ID, String.valueOf(campaign.id()))));
    }
}
