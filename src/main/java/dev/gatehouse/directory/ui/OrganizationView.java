package dev.gatehouse.directory.ui;

import java.util.Optional;
import java.util.stream.Stream;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.AbstractBackEndHierarchicalDataProvider;
import com.vaadin.flow.data.provider.hierarchy.HierarchicalQuery;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;

import jakarta.annotation.security.RolesAllowed;

import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.directory.Directory;
import dev.gatehouse.directory.DirectorySort;
import dev.gatehouse.directory.OrganizationNode;
import dev.gatehouse.security.GatehouseRole;

/** The OU tree with its accounts; typing a search lists matching accounts by name, id or OU path instead. */
@Route("directory/organization")
@PageTitle("Organization · Gatehouse")
@Menu(title = "Organization", order = 20, icon = "vaadin:sitemap")
@RolesAllowed({GatehouseRole.ADMIN_NAME, GatehouseRole.AUDITOR_NAME})
public class OrganizationView extends VerticalLayout {

    static final String NOT_SYNCED = "No organization yet: the first directory sync has not finished.";

    private final Directory directory;
    private final TreeGrid<OrganizationNode> tree = new TreeGrid<>();
    private final DirectoryGrid<AccountRow> matches;

    public OrganizationView(Directory directory) {
        this.directory = directory;
        addClassName("gatehouse-page");
        setSizeFull();
        matches = new DirectoryGrid<>("Search accounts", "Name, 12-digit id or OU path", directory::accounts);
        SearchField search = matches.search();
        add(new H2("Organization"), search);

        Optional<String> root = directory.rootId();
        if (root.isEmpty()) {
            add(new Paragraph(NOT_SYNCED));
            search.setEnabled(false);
            return;
        }
        tree.addHierarchyColumn(OrganizationNode::name).setHeader("OU or account").setSortable(false).setFlexGrow(1);
        tree.addColumn(node -> node.kind() == OrganizationNode.Kind.ACCOUNT ? node.id() : "").setHeader("Account id")
                .setAutoWidth(true);
        tree.addColumn(OrganizationNode::status).setHeader("Status").setAutoWidth(true);
        tree.setDataProvider(new TreeData(directory, root.get()));
        tree.addItemClickListener(e -> {
            if (e.getItem().kind() == OrganizationNode.Kind.ACCOUNT) {
                open(e.getItem().id());
            }
        });
        tree.setSizeFull();

        addAccountColumns(matches);
        matches.setEmptyStateText("No account matches this search.");
        matches.addItemClickListener(e -> open(e.getItem().id()));
        matches.setVisible(false);
        search.addValueChangeListener(e -> {
            boolean searching = !e.getValue().isBlank();
            tree.setVisible(!searching);
            matches.setVisible(searching);
        });
        add(tree, matches);
        setFlexGrow(1, tree, matches);
    }

    /** Name, id, OU path (each sortable) and status: the account lists' columns. */
    static void addAccountColumns(DirectoryGrid<AccountRow> grid) {
        grid.addSortableColumn(AccountRow::name, "Account", DirectorySort.NAME).setAutoWidth(true);
        grid.addSortableColumn(AccountRow::id, "Account id", DirectorySort.ID).setAutoWidth(true);
        grid.addSortableColumn(AccountRow::ouPath, "OU path", DirectorySort.PATH).setFlexGrow(1);
        grid.addPlainColumn(AccountRow::status, "Status").setAutoWidth(true);
    }

    private void open(String accountId) {
        getUI().ifPresent(ui -> ui.navigate(AccountView.class, new RouteParameters(AccountView.ACCOUNT_ID, accountId)));
    }

    /** Loads one level of the tree at a time, page by page. */
    private static final class TreeData extends AbstractBackEndHierarchicalDataProvider<OrganizationNode, Void> {
        private final Directory directory;
        private final String rootId;

        TreeData(Directory directory, String rootId) {
            this.directory = directory;
            this.rootId = rootId;
        }

        @Override
        protected Stream<OrganizationNode> fetchChildrenFromBackEnd(HierarchicalQuery<OrganizationNode, Void> query) {
            return directory.children(parent(query), query.getOffset(), query.getLimit()).stream();
        }

        @Override
        public int getChildCount(HierarchicalQuery<OrganizationNode, Void> query) {
            return directory.childCount(parent(query));
        }

        @Override
        public boolean hasChildren(OrganizationNode node) {
            return node.hasChildren();
        }

        @Override
        public Object getId(OrganizationNode node) {
            return node.id();
        }

        private String parent(HierarchicalQuery<OrganizationNode, Void> query) {
            return query.getParentOptional().map(OrganizationNode::id).orElse(rootId);
        }
    }
}
