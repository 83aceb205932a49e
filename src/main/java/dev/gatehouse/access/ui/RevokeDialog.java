package dev.gatehouse.access.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;

import dev.gatehouse.access.AccessProblem;
import dev.gatehouse.access.GrantService;
import dev.gatehouse.access.GrantSummary;
import dev.gatehouse.shared.Toasts;

/** Revokes someone's access with a reason, and says plainly what revoking cannot do. */
class RevokeDialog extends Dialog {

    static final String SESSION_NOTE = "Revoking removes the assignment at once; an AWS session the person already "
            + "opened lasts until the permission set's session duration runs out.";

    RevokeDialog(GrantService grants, GrantSummary grant, Runnable onRevoked) {
        setHeaderTitle("Revoke " + grant.permissionSetName() + " on " + grant.accountName() + " from "
                + grant.holderName() + "?");
        TextArea reason = new TextArea("Reason");
        reason.setWidthFull();
        reason.setMaxLength(1000);
        add(new Paragraph(SESSION_NOTE), reason);
        Button revoke = new Button("Revoke", click -> {
            try {
                grants.revoke(grant.id(), reason.getValue());
                Toasts.success("Access is being revoked.");
                close();
                onRevoked.run();
            } catch (AccessProblem problem) {
                reason.setErrorMessage(problem.getMessage());
                reason.setInvalid(true);
            }
        });
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), revoke);
    }
}
