package dev.gatehouse.access.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;

import dev.gatehouse.access.AccessProblem;
import dev.gatehouse.access.BreakGlassFollowUps;
import dev.gatehouse.access.RequestSummary;
import dev.gatehouse.shared.TimeText;
import dev.gatehouse.shared.Toasts;

/** An admin records what they found when looking into a break-glass activation. */
class FollowUpDialog extends Dialog {

    FollowUpDialog(BreakGlassFollowUps followUps, RequestSummary request, Runnable onDone) {
        setHeaderTitle("Follow up " + request.requesterName() + "'s break-glass access");
        TextArea note = new TextArea("What you found");
        note.setWidthFull();
        note.setMaxLength(1000);
        note.setPlaceholder("e.g. Incident INC-42: database failover, access was needed and used as stated");
        add(new Paragraph(request.permissionSetName() + " on " + request.accountName() + ", activated "
                + TimeText.of(request.createdAt()) + ". Justification: " + request.justification()), note);
        Button done = new Button("Mark followed up", click -> {
            try {
                followUps.record(request.id(), note.getValue());
                Toasts.success("Marked as followed up.");
                close();
                onDone.run();
            } catch (AccessProblem problem) {
                note.setErrorMessage(problem.getMessage());
                note.setInvalid(true);
            }
        });
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), done);
    }
}
