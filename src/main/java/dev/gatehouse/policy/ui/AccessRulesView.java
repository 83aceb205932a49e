package dev.gatehouse.policy.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import dev.gatehouse.shared.DurationText;
import dev.gatehouse.policy.AccessPolicy;
import dev.gatehouse.policy.AccessRule;
import dev.gatehouse.security.CurrentUser;
import dev.gatehouse.security.GatehouseRole;

/** The access rules, with how overlapping rules combine; admins create, edit and delete them. */
@Route("access-rules")
@PageTitle("Access rules · Gatehouse")
@Menu(title = "Access rules", order = 50, icon = "vaadin:book")
@RolesAllowed({GatehouseRole.ADMIN_NAME, GatehouseRole.AUDITOR_NAME})
public class AccessRulesView extends VerticalLayout {

    private final AccessPolicy policy;
    private final TextField search = new TextField("Search rules");
    private final Grid<AccessRule> grid = new Grid<>();

    public AccessRulesView(AccessPolicy policy, CurrentUser currentUser) {
        this.policy = policy;
        boolean admin = currentUser.get().filter(user -> user.has(GatehouseRole.ADMIN)).isPresent();
        addClassName("gatehouse-page");
        setSizeFull();
        Paragraph precedence = new Paragraph(AccessPolicy.PRECEDENCE);
        precedence.addClassName("gatehouse-muted");

        search.setPlaceholder("Name, permission set, accounts, requesters or approvers");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setWidth("28rem");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> load());
        Button create = new Button("New rule", e -> new RuleEditor(policy, null, this::load).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(admin);
        Button explain = new Button(PolicyExplainer.TITLE, e -> new PolicyExplainer(policy).open());
        HorizontalLayout bar = new HorizontalLayout(search, create, explain);
        bar.setAlignItems(Alignment.BASELINE);

        grid.addColumn(AccessRule::name).setHeader("Rule").setAutoWidth(true);
        grid.addColumn(AccessRule::requesterLabel).setHeader("Who may request").setAutoWidth(true);
        grid.addColumn(AccessRule::permissionSetName).setHeader("Permission set").setAutoWidth(true);
        grid.addColumn(AccessRule::scopeLabel).setHeader("Where").setAutoWidth(true);
        grid.addColumn(rule -> "up to " + DurationText.of(rule.maxDuration())).setHeader("How long")
                .setAutoWidth(true);
        grid.addColumn(AccessRule::approvalSummary).setHeader("Approval").setFlexGrow(1);
        grid.addColumn(AccessRule::mfaSummary).setHeader("MFA").setAutoWidth(true);
        if (admin) {
            grid.addComponentColumn(this::deleteButton).setHeader("").setAutoWidth(true);
            grid.addItemClickListener(e -> new RuleEditor(policy, e.getItem(), this::load).open());
        }
        grid.setEmptyStateText("No access rule matches. Without rules nobody can request access.");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        load();
        add(new H2("Access rules"), precedence, bar, grid);
        setFlexGrow(1, grid);
    }

    private void load() {
        String text = search.getValue();
        grid.setItems(query -> policy.rules(text, query.getOffset(), query.getLimit()).stream());
    }

    private Button deleteButton(AccessRule rule) {
        Button delete = new Button("Delete", e -> {
            ConfirmDialog confirm = new ConfirmDialog("Delete rule " + rule.name() + "?",
                    "Pending requests under it stay pending; nobody can send new ones under it.", "Delete",
                    ok -> {
                        policy.delete(rule.id());
                        load();
                    });
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return delete;
    }
}
