package dev.gatehouse.review.ui;

import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import dev.gatehouse.review.CampaignDraft;
import dev.gatehouse.review.CampaignTemplate;
import dev.gatehouse.review.ReviewProblem;
import dev.gatehouse.review.ReviewTemplates;
import dev.gatehouse.shared.TimeText;
import dev.gatehouse.shared.Toasts;

/** The campaign templates: an admin picks one to start a campaign from, or renames and deletes them. */
final class TemplatesDialog {

    static final String TEMPLATES_ID = "review-templates";

    private TemplatesDialog() {
    }

    /** Asks which template, then hands its draft (due its number of days from today) to the campaign dialog. */
    static void pick(ReviewTemplates templates, Consumer<CampaignDraft> chosen) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New campaign from a template");
        Select<CampaignTemplate> template = new Select<>();
        template.setLabel("Template");
        List<CampaignTemplate> all = templates.templates();
        template.setItems(all);
        template.setItemLabelGenerator(CampaignTemplate::name);
        template.setEmptySelectionAllowed(false);
        template.setWidthFull();
        if (all.isEmpty()) {
            dialog.add(new Paragraph("No template yet: save one from a campaign's page (Save as template…)."));
        }
        dialog.add(template);
        Button use = new Button("Use template", click -> {
            if (template.getValue() == null) {
                template.setInvalid(true);
                template.setErrorMessage("Choose a template.");
                return;
            }
            try {
                CampaignDraft draft = templates.draft(template.getValue().id());
                dialog.close();
                chosen.accept(draft);
            } catch (ReviewProblem problem) {
                template.setInvalid(true);
                template.setErrorMessage(problem.getMessage());
            }
        });
        use.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), use);
        dialog.open();
    }

    /** Every template with its recurrence and who saved it; rename and delete. */
    static void manage(ReviewTemplates templates) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Review templates");
        dialog.setWidth("44rem");
        Grid<CampaignTemplate> grid = new Grid<>();
        grid.setId(TEMPLATES_ID);
        grid.addColumn(CampaignTemplate::name).setHeader("Template").setFlexGrow(1);
        grid.addColumn(t -> t.settings().recurrence().label() + ", " + t.settings().reviewDays() + " days")
                .setHeader("Runs").setAutoWidth(true);
        grid.addColumn(t -> t.savedBy() + ", " + TimeText.of(t.savedAt())).setHeader("Saved").setAutoWidth(true);
        Runnable reload = () -> grid.setItems(templates.templates());
        grid.addComponentColumn(t -> new HorizontalLayout(
                new Button("Rename…", click -> rename(templates, t, reload)),
                new Button("Delete…", click -> delete(templates, t, reload)))).setKey("actions").setAutoWidth(true);
        grid.setEmptyStateText("No template yet: save one from a campaign's page.");
        grid.setAllRowsVisible(true);
        reload.run();
        dialog.add(grid);
        dialog.getFooter().add(new Button("Close", click -> dialog.close()));
        dialog.open();
    }

    private static void rename(ReviewTemplates templates, CampaignTemplate template, Runnable reload) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Rename " + template.name());
        TextField name = new TextField("Template name");
        name.setMaxLength(120);
        name.setValue(template.name());
        name.setWidthFull();
        dialog.add(name);
        Button save = new Button("Rename", click -> {
            try {
                templates.rename(template.id(), name.getValue());
                dialog.close();
                Toasts.success("Renamed.");
                reload.run();
            } catch (ReviewProblem problem) {
                name.setInvalid(true);
                name.setErrorMessage(problem.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Back", click -> dialog.close()), save);
        dialog.open();
    }

    private static void delete(ReviewTemplates templates, CampaignTemplate template, Runnable reload) {
        ConfirmDialog confirm = new ConfirmDialog("Delete " + template.name() + "?",
                "Campaigns made from it stay as they are.", "Delete", ok -> {
                    try {
                        templates.delete(template.id());
                        Toasts.success("Deleted the template \"" + template.name() + "\".");
                    } catch (ReviewProblem problem) {
                        Toasts.error(problem.getMessage());
                    }
                    reload.run();
                });
        confirm.setCancelText("Back");
        confirm.setCancelable(true);
        confirm.open();
    }
}
