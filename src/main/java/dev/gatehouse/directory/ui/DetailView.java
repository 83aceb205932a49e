package dev.gatehouse.directory.ui;

import java.util.Optional;
import java.util.function.Supplier;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;

import dev.gatehouse.shared.Toasts;

/**
 * A directory page about one thing named in the address: a link back to its list, and a plain
 * "not found" when the last sync did not have it.
 */
abstract class DetailView<T> extends VerticalLayout implements BeforeEnterObserver {

    private final String parameter;
    private final String listPath;
    private final String listTitle;
    private final String kind;

    /** @param kind what is shown, capitalised ("Account") */
    DetailView(String parameter, String listPath, String listTitle, String kind) {
        this.parameter = parameter;
        this.listPath = listPath;
        this.listTitle = listTitle;
        this.kind = kind;
        addClassName("gatehouse-page");
        setSizeFull();
    }

    protected abstract Optional<T> find(String id);

    protected abstract void show(T item);

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String id = event.getRouteParameters().get(parameter).orElse("");
        add(new Anchor(listPath, "← " + listTitle));
        find(id).ifPresentOrElse(this::show, () -> add(new H2(kind + " not found"),
                new Paragraph("No " + kind.toLowerCase() + " " + id + " was in the last directory sync.")));
    }

    /** Re-reads the thing from Identity Center, tells the result and shows the page again. */
    static Button refreshButton(Supplier<String> refresh) {
        return new Button("Refresh from Identity Center", e -> {
            Toasts.notice(refresh.get());
            UI.getCurrent().refreshCurrentRoute(false);
        });
    }
}
