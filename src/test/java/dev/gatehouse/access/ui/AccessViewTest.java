package dev.gatehouse.access.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;

import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;

import dev.gatehouse.KaribuTest;
import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.SandboxAccounts;
import dev.gatehouse.policy.AccessPolicy;
import dev.gatehouse.policy.TestRules;

/** An access screen over the synced demo organization, starting without access rules. */
abstract class AccessViewTest extends KaribuTest {

    @Autowired
    private AccessPolicy policy;
    @Autowired
    private DirectoryLookup directory;

    @Autowired
    protected TestRules rules;
    @Autowired
    protected SandboxAccounts accounts;

    @BeforeEach
    void demoDirectoryWithoutRules() {
        rules.demoDirectoryWithoutRules();
    }

    /** The number beside a navigation entry, as the person sees it; empty when none shows. */
    protected static Optional<Span> navigationNumber(String entry) {
        SideNavItem item = _find(SideNavItem.class).stream().filter(i -> entry.equals(i.getLabel())).findFirst()
                .orElseThrow(() -> new AssertionError("No navigation entry " + entry));
        return Optional.ofNullable(item.getSuffixComponent()).map(Span.class::cast);
    }

    /** The number beside a navigation entry, 0 when none shows. */
    protected static int shownCount(String entry) {
        return navigationNumber(entry).map(number -> Integer.parseInt(number.getText())).orElse(0);
    }
}
