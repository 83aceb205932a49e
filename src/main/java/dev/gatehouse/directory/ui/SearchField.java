package dev.gatehouse.directory.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/** The directory screens' search box: searches as you type, after a short pause. */
final class SearchField extends TextField {

    SearchField(String label, String placeholder, Runnable onChange) {
        super(label);
        setPlaceholder(placeholder);
        setPrefixComponent(VaadinIcon.SEARCH.create());
        setClearButtonVisible(true);
        setWidth("24rem");
        setValueChangeMode(ValueChangeMode.LAZY);
        addValueChangeListener(e -> onChange.run());
    }
}
