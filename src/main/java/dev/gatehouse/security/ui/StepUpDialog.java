package dev.gatehouse.security.ui;

import org.springframework.modulith.NamedInterface;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

import dev.gatehouse.security.MfaMethod;
import dev.gatehouse.security.MfaProblem;
import dev.gatehouse.security.StepUp;
import dev.gatehouse.security.StepUpOptions;
import dev.gatehouse.security.StepUpRequired;
import dev.gatehouse.security.WebAuthnCeremony;
import dev.gatehouse.shared.DurationText;
import dev.gatehouse.shared.TimeText;
import dev.gatehouse.shared.Toasts;

/**
 * Asks for a second factor when a service said {@link StepUpRequired}, then does what the person was
 * doing again. Any screen whose action a rule can guard with MFA goes through {@link #attempt}.
 */
@NamedInterface("step-up")
public class StepUpDialog extends Dialog {

    static final String VERIFY = "Verify";
    static final String USE_KEY = "Use security key or passkey";

    private final StepUp stepUp;
    private final Runnable verified;
    private final String reason;
    private final TextField code = new TextField("Code from your authenticator app, or a recovery code");

    private StepUpDialog(StepUp stepUp, String reason, Runnable verified) {
        this.stepUp = stepUp;
        this.reason = reason;
        this.verified = verified;
        setHeaderTitle("Verify it's you");
        setWidth("30rem");
        code.setWidthFull();
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setMaxLength(20);
        render();
    }

    /**
     * Runs the action; when it needs a fresh second factor, asks for one and runs it again after. Other
     * exceptions pass through to the caller's handling.
     */
    public static void attempt(StepUp stepUp, Runnable action) {
        try {
            action.run();
        } catch (StepUpRequired required) {
            open(stepUp, required.getMessage(), () -> attempt(stepUp, action));
        }
    }

    /** Asks for a second factor, and runs {@code verified} once the person gave one. */
    public static void open(StepUp stepUp, String reason, Runnable verified) {
        new StepUpDialog(stepUp, reason, verified).open();
    }

    private void render() {
        removeAll();
        getFooter().removeAll();
        StepUpOptions options = stepUp.options();
        VerticalLayout body = new VerticalLayout(new Paragraph(reason + " It counts for "
                + DurationText.of(options.freshness()) + "."));
        body.setPadding(false);
        Button cancel = new Button("Cancel", e -> close());
        if (!options.enrolled()) {
            body.add(new Paragraph("You have not set up a second factor yet. Set one up, then come back here; "
                    + "what you were doing waits."));
            Anchor setUp = new Anchor(TwoStepView.ROUTE, "Set up two-step verification (opens a new tab)");
            setUp.setTarget(AnchorTarget.BLANK);
            body.add(setUp);
            getFooter().add(cancel, new Button("I have set it up", e -> render()));
            add(body);
            return;
        }
        if (options.lockedUntil().isPresent()) {
            body.add(error("Too many wrong codes: step-up is locked until "
                    + TimeText.of(options.lockedUntil().get()) + ". An admin can reset your factors if you lost "
                    + "them."));
            getFooter().add(cancel);
            add(body);
            return;
        }
        body.add(code);
        Button verify = new Button(VERIFY, e -> verifyCode());
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verify.addClickShortcut(Key.ENTER);
        if (options.methods().contains(MfaMethod.WEBAUTHN)) {
            Button key = new Button(USE_KEY, e -> useSecurityKey());
            body.add(key);
        }
        getFooter().add(cancel, verify);
        add(body);
        code.focus();
    }

    private void verifyCode() {
        try {
            stepUp.verifyCode(code.getValue());
            done();
        } catch (MfaProblem problem) {
            code.setErrorMessage(problem.getMessage());
            code.setInvalid(true);
            code.clear();
        }
    }

    private void useSecurityKey() {
        try {
            WebAuthnCeremony ceremony = stepUp.startWebAuthn();
            WebAuthnBrowser.get(UI.getCurrent(), ceremony, answer -> {
                try {
                    stepUp.verifyWebAuthn(ceremony, answer);
                    done();
                } catch (MfaProblem problem) {
                    show(problem.getMessage());
                }
            }, failure -> show("The browser did not use a security key: " + failure));
        } catch (MfaProblem problem) {
            show(problem.getMessage());
        }
    }

    private void done() {
        close();
        Toasts.success("Verified.");
        verified.run();
    }

    private void show(String message) {
        code.setErrorMessage(message);
        code.setInvalid(true);
    }

    private static Paragraph error(String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.getStyle().set("color", "var(--lumo-error-text-color)");
        return paragraph;
    }
}
