package dev.gatehouse.security.ui;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import dev.gatehouse.security.CurrentUser;
import dev.gatehouse.security.DemoPersona;
import dev.gatehouse.security.DemoSignIn;
import dev.gatehouse.security.GatehouseRole;
import dev.gatehouse.security.SessionEndNotice;
import dev.gatehouse.security.SignInFailure;
import dev.gatehouse.security.SignInOptions;
import dev.gatehouse.shared.GatehouseMode;

/**
 * Where every sign-in starts: a button to the identity provider in production, the demo personas in
 * demo mode, and a plain explanation when the identity provider's response was refused or Gatehouse
 * ended the session before.
 */
@Route(value = "sign-in", autoLayout = false)
@PageTitle("Sign in · Gatehouse")
@AnonymousAllowed
public class SignInView extends VerticalLayout implements BeforeEnterObserver {

    static final String SIGNED_OUT_MESSAGE = "You have signed out.";

    private final CurrentUser currentUser;
    private final Div notice = new Div();

    public SignInView(SignInOptions options, ObjectProvider<DemoSignIn> demoSignIn, CurrentUser currentUser) {
        this.currentUser = currentUser;
        addClassName("gatehouse-sign-in");
        add(new H1("Sign in to Gatehouse"),
                new Paragraph("Just-in-time access to AWS accounts, approved by the right people and removed on time."));
        notice.setVisible(false);
        add(notice);
        options.identityProviderUrl().ifPresent(url -> add(identityProviderButton(url, options.identityProviderName())));
        if (options.mode() == GatehouseMode.DEMO) {
            demoSignIn.ifAvailable(this::addPersonas);
        }
    }

    private static Component identityProviderButton(String url, String providerName) {
        Anchor link = new Anchor(url, "");
        link.setRouterIgnore(true);
        Button button = new Button("Sign in with " + providerName);
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        button.setTabIndex(-1);
        link.add(button);
        return link;
    }

    private void addPersonas(DemoSignIn demo) {
        Div banner = new Div("Demo mode: choose a sample person. There are no passwords, and nothing here reaches AWS.");
        banner.addClassName("gatehouse-demo-banner");
        banner.setWidthFull();
        Div personas = new Div();
        personas.addClassName("gatehouse-personas");
        demo.personas().forEach(persona -> personas.add(personaCard(demo, persona)));
        add(banner, personas);
    }

    private Component personaCard(DemoSignIn demo, DemoPersona persona) {
        String roles = String.join(", ", demo.rolesOf(persona).stream().map(GatehouseRole::label).toList());
        Button signIn = new Button("Sign in as " + persona.displayName(), e -> {
            demo.signInAs(persona.id(), VaadinServletRequest.getCurrent().getHttpServletRequest(),
                    VaadinServletResponse.getCurrent().getHttpServletResponse());
            UI.getCurrent().getPage().setLocation("/");
        });
        signIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Paragraph details = new Paragraph(persona.description() + " Roles: " + roles + ".");
        details.addClassName("gatehouse-muted");
        VerticalLayout card = new VerticalLayout(new H3(persona.displayName()), details, signIn);
        card.addClassName("gatehouse-card");
        card.setSpacing(false);
        return card;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (currentUser.get().isPresent()) {
            event.forwardTo("");
            return;
        }
        notice.setVisible(false);
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("error")) {
            SignInFailure failure = SignInFailure.fromCode(parameters.get("error").get(0));
            showNotice("Sign-in failed. " + failure.message(), true);
        } else if (parameters.containsKey("signed-out")) {
            showNotice(SIGNED_OUT_MESSAGE, false);
        } else {
            sessionEndNotice().ifPresent(ended -> showNotice(ended.text(), false));
        }
    }

    /** Why Gatehouse ended the session before this one, said once. */
    private static Optional<SessionEndNotice> sessionEndNotice() {
        WrappedSession session = VaadinSession.getCurrent() == null ? null : VaadinSession.getCurrent().getSession();
        if (session != null && session.getAttribute(SessionEndNotice.ATTRIBUTE) instanceof SessionEndNotice notice) {
            session.removeAttribute(SessionEndNotice.ATTRIBUTE);
            return Optional.of(notice);
        }
        return Optional.empty();
    }

    private void showNotice(String text, boolean error) {
        notice.setText(text);
        notice.setClassName("gatehouse-error", error);
        notice.setVisible(true);
    }
}
