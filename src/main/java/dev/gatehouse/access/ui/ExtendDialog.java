package dev.gatehouse.access.ui;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;

import dev.gatehouse.access.AccessProblem;
import dev.gatehouse.access.GrantService;
import dev.gatehouse.security.StepUp;
import dev.gatehouse.security.ui.StepUpDialog;
import dev.gatehouse.access.GrantSummary;
import dev.gatehouse.access.RequestStatus;
import dev.gatehouse.shared.DurationText;
import dev.gatehouse.shared.Toasts;

/** Asks for more time on an active grant: applied at once, or sent for approval when the rule says so. */
class ExtendDialog extends Dialog {

    private static final List<Duration> EXTENSIONS = Stream.of(15, 30, 60, 120, 240, 480).map(Duration::ofMinutes)
            .toList();

    ExtendDialog(GrantService grants, StepUp stepUp, GrantSummary grant, Runnable onDone) {
        setHeaderTitle("Extend " + grant.permissionSetName() + " on " + grant.accountName());
        Select<Duration> more = new Select<>();
        more.setLabel("Extend by");
        more.setItems(EXTENSIONS);
        more.setItemLabelGenerator(DurationText::of);
        more.setValue(Duration.ofHours(1));
        TextArea justification = new TextArea("Justification");
        justification.setWidthFull();
        justification.setMaxLength(1000);
        add(more, justification);
        Button extend = new Button("Extend", e -> StepUpDialog.attempt(stepUp, () -> {
            more.setInvalid(false);
            justification.setInvalid(false);
            try {
                RequestStatus status = grants.extend(grant.id(), more.getValue(), justification.getValue());
                Toasts.success(status == RequestStatus.APPROVED ? "Extended by " + DurationText.of(more.getValue())
                        + "." : "Extension requested; it waits for approval.");
                close();
                onDone.run();
            } catch (AccessProblem problem) {
                if (problem.field().equals("justification")) {
                    justification.setErrorMessage(problem.getMessage());
                    justification.setInvalid(true);
                } else {
                    more.setErrorMessage(problem.getMessage());
                    more.setInvalid(true);
                }
            }
        }));
        extend.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), extend);
    }
}
