package dev.gatehouse.security.ui;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

import dev.gatehouse.security.MfaFactor;
import dev.gatehouse.security.MfaFactors;
import dev.gatehouse.security.MfaMethod;
import dev.gatehouse.security.MfaProblem;
import dev.gatehouse.security.StepUp;
import dev.gatehouse.security.TotpEnrolment;
import dev.gatehouse.security.WebAuthnCeremony;
import dev.gatehouse.shared.DurationText;
import dev.gatehouse.shared.TimeText;
import dev.gatehouse.shared.Toasts;

/** A person's own second factors: add authenticator apps and security keys, remove them, renew recovery codes. */
@Route(TwoStepView.ROUTE)
@PageTitle("Two-step verification · Gatehouse")
@Menu(title = "Two-step verification", order = 95, icon = "vaadin:mobile")
@PermitAll
public class TwoStepView extends VerticalLayout {

    static final String ROUTE = "two-step";
    static final String ADD_APP = "Add authenticator app";
    static final String ADD_KEY = "Add security key or passkey";
    static final String NEW_CODES = "New recovery codes";
    static final String REMOVE = "Remove";
    static final String SET_UP = "Set up an authenticator app";
    static final String NO_FACTOR = "You have no second factor yet, so no recovery codes either: they come with "
            + "your first authenticator app or security key.";

    private final MfaFactors factors;
    private final StepUp stepUp;
    private final Grid<MfaFactor> grid = new Grid<>();
    private final Paragraph codesLeft = new Paragraph();
    private final Button newCodes = new Button(NEW_CODES);
    private final Button setUp = new Button(SET_UP);

    public TwoStepView(MfaFactors factors, StepUp stepUp) {
        this.factors = factors;
        this.stepUp = stepUp;
        addClassName("gatehouse-page");
        Paragraph about = new Paragraph("Some access rules ask you to prove a second factor before you request or "
                + "approve. Gatehouse then asks for a code from your authenticator app or a tap on your security "
                + "key; a verification counts for " + DurationText.of(stepUp.freshness()) + ". Add more than one "
                + "factor so that losing a phone does not lock you out.");
        about.addClassName("gatehouse-muted");

        grid.addColumn(f -> f.method().label()).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(MfaFactor::label).setHeader("Name").setFlexGrow(1);
        grid.addColumn(f -> TimeText.of(f.createdAt())).setHeader("Added").setAutoWidth(true);
        grid.addColumn(f -> f.lastUsedAt().map(TimeText::of).orElse("never")).setHeader("Last used")
                .setAutoWidth(true);
        grid.addComponentColumn(f -> {
            Button remove = new Button(REMOVE, e -> guarded(() -> {
                factors.remove(f.id());
                Toasts.success("\"" + f.label() + "\" removed.");
            }));
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            return remove;
        }).setKey("remove").setAutoWidth(true);
        grid.setEmptyStateText("No second factor yet. Add an authenticator app or a security key.");
        grid.setAllRowsVisible(true);

        Button addApp = new Button(ADD_APP, e -> addAuthenticatorApp());
        addApp.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button addKey = new Button(ADD_KEY, e -> guarded(this::addSecurityKey));
        newCodes.addClickListener(e -> guarded(() -> showCodes(factors.renewRecoveryCodes())));
        setUp.addClickListener(e -> addAuthenticatorApp());
        setUp.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        add(new H2("Two-step verification"), about, new HorizontalLayout(addApp, addKey), grid,
                new H3("Recovery codes"), codesLeft, newCodes, setUp);
        load();
    }

    private void load() {
        List<MfaFactor> mine = factors.mine();
        grid.setItems(mine);
        // Without a factor there is nothing to recover: offer the first factor, not codes that cannot be made.
        newCodes.setVisible(!mine.isEmpty());
        setUp.setVisible(mine.isEmpty());
        if (mine.isEmpty()) {
            codesLeft.setText(NO_FACTOR);
            return;
        }
        int left = factors.recoveryCodesLeft();
        codesLeft.setText(left == 0 ? "No recovery codes left. Each code works once when you have neither your "
                + "phone nor your key; make new ones." : left + (left == 1 ? " recovery code" : " recovery codes")
                + " left. Each works once when you have neither your phone nor your key.");
    }

    private void addAuthenticatorApp() {
        guarded(() -> new TotpDialog(factors.startTotp()).open());
    }

    /** Runs the action after a step-up when it needs one; a refusal is shown, and the list is fresh after. */
    private void guarded(Runnable action) {
        StepUpDialog.attempt(stepUp, () -> {
            try {
                action.run();
            } catch (MfaProblem problem) {
                Toasts.error(problem.getMessage());
            }
            load();
        });
    }

    private void addSecurityKey() {
        WebAuthnCeremony ceremony = factors.startWebAuthn();
        WebAuthnBrowser.create(UI.getCurrent(), ceremony, answer -> guarded(
                () -> enrolled(factors.confirmWebAuthn(ceremony, MfaMethod.WEBAUTHN.label(), answer))), failure -> Toasts.error("The browser did not add a security key: " + failure));
    }

    private void enrolled(List<String> recoveryCodes) {
        Toasts.success("Second factor added.");
        load();
        if (!recoveryCodes.isEmpty()) {
            showCodes(recoveryCodes);
        }
    }

    private void showCodes(List<String> codes) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Your recovery codes");
        Pre list = new Pre(String.join("\n", codes));
        list.setId("recovery-codes");
        dialog.add(new Paragraph("Keep these somewhere safe, such as a password manager. Each works once; this is "
                + "the only time Gatehouse shows them."), list);
        Button done = new Button("I have saved them", e -> dialog.close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        dialog.open();
        load();
    }

    /** Adding an authenticator app: scan or type the secret, name it, confirm with a first code. */
    private final class TotpDialog extends Dialog {

        private final TextField name = new TextField("Name");
        private final TextField code = new TextField("Code the app shows now");

        TotpDialog(TotpEnrolment enrolment) {
            setHeaderTitle(ADD_APP);
            setWidth("28rem");
            Image qr = new Image("data:image/svg+xml;base64," + Base64.getEncoder()
                    .encodeToString(enrolment.qrSvg().getBytes(StandardCharsets.UTF_8)), "QR code for your "
                    + "authenticator app");
            qr.setWidth("14rem");
            qr.setHeight("14rem");
            Paragraph secret = new Paragraph("Or type this key: " + enrolment.secretForTyping());
            secret.setId("totp-secret");
            secret.getElement().setAttribute("data-secret", enrolment.secret());
            name.setValue(MfaMethod.TOTP.label());
            name.setWidthFull();
            code.setWidthFull();
            code.getElement().setAttribute("autocomplete", "one-time-code");
            code.setMaxLength(10);
            add(new Paragraph("Scan this with an authenticator app (Google Authenticator, 1Password, Authy...)."),
                    qr, secret, name, code);
            Button add = new Button("Add", e -> confirm(enrolment));
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add.addClickShortcut(Key.ENTER);
            getFooter().add(new Button("Cancel", e -> close()), add);
        }

        /** The step-up that allowed starting may have lapsed while the person scanned: ask again then. */
        private void confirm(TotpEnrolment enrolment) {
            StepUpDialog.attempt(stepUp, () -> confirmNow(enrolment));
        }

        private void confirmNow(TotpEnrolment enrolment) {
            try {
                List<String> codes = factors.confirmTotp(enrolment, name.getValue(), code.getValue());
                close();
                enrolled(codes);
            } catch (MfaProblem problem) {
                code.setErrorMessage(problem.getMessage());
                code.setInvalid(true);
            }
        }
    }
}
