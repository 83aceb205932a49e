package dev.gatehouse.ui;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown when opening a page fails unexpectedly. The person gets a reference to quote; the stack
 * trace goes to the log under that reference, never to the browser.
 */
@PageTitle("Something went wrong · Gatehouse")
@ParentLayout(MainLayout.class)
@PermitAll
public class ErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    static final String HEADING = "Something went wrong";

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);

    private final Paragraph reference = new Paragraph();

    public ErrorView() {
        addClassName("gatehouse-page");
        add(new H2(HEADING), new Paragraph("Gatehouse could not open this page. Try again in a moment."),
                reference, new Anchor("", "Go to the home page"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        log.error("Error {} opening /{}", id, event.getLocation().getPath(), parameter.getCaughtException());
        reference.setText("If it keeps happening, give your administrator this reference: " + id);
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
