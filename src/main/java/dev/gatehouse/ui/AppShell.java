package dev.gatehouse.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.theme.Theme;

@Theme("gatehouse")
@Meta(name = "color-scheme", content = "light dark")
public class AppShell implements AppShellConfigurator {
}
