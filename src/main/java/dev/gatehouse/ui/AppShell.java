package dev.gatehouse.ui;

import java.util.Map;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.Theme;

@Theme("gatehouse")
@Meta(name = "color-scheme", content = "light dark")
public class AppShell implements AppShellConfigurator {

    /** Gatehouse's icon in the browser tab; {@code /favicon.ico} is there too, for what asks for it by name. */
    static final String FAVICON = "icons/favicon.svg";

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addLink(FAVICON, Map.of("rel", "icon", "type", "image/svg+xml"));
    }
}
