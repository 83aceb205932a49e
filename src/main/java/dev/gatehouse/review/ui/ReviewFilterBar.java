package dev.gatehouse.review.ui;

import java.util.Optional;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import dev.gatehouse.review.HowHeld;
import dev.gatehouse.review.ItemChoice;
import dev.gatehouse.review.ItemKind;
import dev.gatehouse.review.MyReviewsFilter;
import dev.gatehouse.review.ReviewDecisions;

/** My reviews' filters and grouping; every change runs the listener with the new filter. */
class ReviewFilterBar extends FlexLayout {

    /** How the item is held, as the filter offers it. */
    enum Held {
        ANY("Directly or through a group", Optional.empty()),
        DIRECT("Assigned directly", Optional.of(HowHeld.DIRECT)),
        GROUP("Through a group", Optional.of(HowHeld.GROUP));

        final String label;
        final Optional<HowHeld> held;

        Held(String label, Optional<HowHeld> held) {
            this.label = label;
            this.held = held;
        }
    }

    private final Select<MyReviewsFilter.Decided> decided = new Select<>();
    private final Checkbox adminLevel = new Checkbox("Admin-level only");
    private final ComboBox<ItemChoice> account = new ComboBox<>("Account");
    private final ComboBox<ItemChoice> permissionSet = new ComboBox<>("Permission set");
    private final Select<Held> held = new Select<>();
    private final ComboBox<ItemKind> kind = new ComboBox<>("Kind");
    private final TextField search = new TextField("Search (Alt+S)");
    private final Select<MyReviewsFilter.Grouping> grouping = new Select<>();

    ReviewFilterBar(ReviewDecisions decisions, Runnable changed) {
        setFlexWrap(FlexWrap.WRAP);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        getStyle().set("gap", "var(--lumo-space-m)");

        decided.setLabel("Show");
        decided.setItems(MyReviewsFilter.Decided.values());
        decided.setItemLabelGenerator(which -> switch (which) {
            case ANY -> "Decided and undecided";
            case UNDECIDED -> "Undecided";
            case DECIDED -> "Decided";
        });
        decided.setValue(MyReviewsFilter.Decided.ANY);

        account.setItemLabelGenerator(ItemChoice::label);
        account.setItems(query -> decisions.myAccounts(query.getFilter().orElse(""), query.getOffset(),
                query.getLimit()).stream());
        account.setClearButtonVisible(true);
        permissionSet.setItemLabelGenerator(ItemChoice::label);
        permissionSet.setItems(query -> decisions.myPermissionSets(query.getFilter().orElse(""), query.getOffset(),
                query.getLimit()).stream());
        permissionSet.setClearButtonVisible(true);

        held.setLabel("Held");
        held.setItems(Held.values());
        held.setItemLabelGenerator(how -> how.label);
        held.setValue(Held.ANY);

        kind.setItems(ItemKind.values());
        kind.setItemLabelGenerator(ItemKind::label);
        kind.setPlaceholder("Every kind");
        kind.setClearButtonVisible(true);

        search.setPlaceholder("Person, account, permission set or group");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMaxLength(200);
        search.setWidth("20rem");
        search.addFocusShortcut(Key.KEY_S, KeyModifier.ALT);

        grouping.setLabel("Group by");
        grouping.setItems(MyReviewsFilter.Grouping.values());
        grouping.setItemLabelGenerator(by -> switch (by) {
            case BY_PERSON -> "Person, then account";
            case BY_ACCOUNT -> "Account, then person";
        });
        grouping.setValue(MyReviewsFilter.Grouping.BY_PERSON);

        decided.addValueChangeListener(e -> changed.run());
        adminLevel.addValueChangeListener(e -> changed.run());
        account.addValueChangeListener(e -> changed.run());
        permissionSet.addValueChangeListener(e -> changed.run());
        held.addValueChangeListener(e -> changed.run());
        kind.addValueChangeListener(e -> changed.run());
        search.addValueChangeListener(e -> changed.run());
        grouping.addValueChangeListener(e -> changed.run());
        add(search, decided, adminLevel, kind, account, permissionSet, held, grouping);
    }

    MyReviewsFilter filter() {
        return new MyReviewsFilter(decided.getValue(), adminLevel.getValue(),
                Optional.ofNullable(account.getValue()).map(ItemChoice::id),
                Optional.ofNullable(permissionSet.getValue()).map(ItemChoice::id), held.getValue().held,
                Optional.ofNullable(kind.getValue()), search.getValue(), grouping.getValue());
    }
}
