package dev.gatehouse.ui;

import java.util.Map;

import com.vaadin.flow.component.HasValidation;

import dev.gatehouse.shared.Toasts;

/**
 * A form's fields by the name a service uses when it refuses one, so the refusal shows on the field it
 * is about, and once more at the top for fields scrolled out of sight.
 */
public final class FormFields {

    private final Map<String, HasValidation> byName;

    public FormFields(Map<String, HasValidation> byName) {
        this.byName = Map.copyOf(byName);
    }

    public void clearErrors() {
        byName.values().forEach(field -> field.setInvalid(false));
    }

    /** @param field the refused field's name; one this form does not have shows only the message */
    public void refuse(String field, String message) {
        HasValidation target = byName.get(field);
        if (target != null) {
            target.setErrorMessage(message);
            target.setInvalid(true);
        }
        Toasts.error(message);
    }
}
