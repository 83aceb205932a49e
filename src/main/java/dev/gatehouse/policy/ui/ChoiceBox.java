package dev.gatehouse.policy.ui;

import java.util.stream.Stream;

import com.vaadin.flow.component.combobox.ComboBox;

import dev.gatehouse.policy.AccessPolicy;
import dev.gatehouse.policy.Choice;

/** A combo box of people, groups, OUs, accounts or permission sets, searched as the person types. */
class ChoiceBox extends ComboBox<Choice> {

    private final AccessPolicy policy;

    ChoiceBox(String label, AccessPolicy policy) {
        super(label);
        this.policy = policy;
        setItemLabelGenerator(Choice::label);
    }

    ChoiceBox(String label, AccessPolicy policy, AccessPolicy.Picker picker) {
        this(label, policy);
        listing(picker);
    }

    /** What the box lists; the 50 best matches of the typed text. */
    void listing(AccessPolicy.Picker picker) {
        setItems(query -> {
            int offset = query.getOffset();
            int limit = query.getLimit();
            return offset > 0 ? Stream.empty()
                    : policy.choices(picker, query.getFilter().orElse(""), Math.min(limit, 50)).stream();
        });
    }

    String selectedId() {
        return getValue() == null ? "" : getValue().id();
    }
}
