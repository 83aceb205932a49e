package dev.gatehouse.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;

import jakarta.annotation.security.RolesAllowed;

import dev.gatehouse.policy.AccessPolicy;
import dev.gatehouse.review.ReviewCampaign;
import dev.gatehouse.review.ReviewCampaigns;
import dev.gatehouse.security.CurrentUser;
import dev.gatehouse.security.GatehouseRole;
import dev.gatehouse.shared.TimeText;
import dev.gatehouse.shared.Toasts;

/** Every review campaign, newest first; admins start a new one. A row opens the campaign. */
@Route("reviews/campaigns")
@PageTitle("Review campaigns · Gatehouse")
@Menu(title = "Review campaigns", order = 60, icon = "vaadin:clipboard-text")
@RolesAllowed({GatehouseRole.ADMIN_NAME, GatehouseRole.AUDITOR_NAME})
public class CampaignsView extends VerticalLayout {

    static final String CAMPAIGNS_ID = "review-campaigns";
    static final String NEW_ID = "new-campaign";

    public CampaignsView(ReviewCampaigns campaigns, AccessPolicy choices, CurrentUser currentUser) {
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
            Button create = new Button("New campaign…", click -> new CampaignDialog(campaigns, choices, campaign -> {
                Toasts.success("Saved \"" + campaign.name() + "\" as a draft: launch it from its page.");
                open(campaign);
            }).open());
            create.setId(NEW_ID);
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(create);
        }
        add(grid);
        setFlexGrow(1, grid);
    }

    private void open(ReviewCampaign campaign) {
        getUI().ifPresent(ui -> ui.navigate(CampaignView.class,
                new RouteParameters(CampaignView.ID, String.valueOf(campaign.id()))));
    }
}
