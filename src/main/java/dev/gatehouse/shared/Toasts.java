package dev.gatehouse.shared;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * The one way a screen tells the person how something went: a toast at the top of the page for a few
 * seconds, green for done, red for refused or failed, plain for a note. It lives here rather than in the
 * {@code ui} shell because the shell depends on {@code security}, whose screens toast too.
 */
public final class Toasts {

    static final int SHOWN_FOR_MILLIS = 6000;
    static final Notification.Position POSITION = Notification.Position.TOP_CENTER;

    private Toasts() {
    }

    /** Something the person asked for was done. */
    public static void success(String text) {
        show(text, NotificationVariant.LUMO_SUCCESS);
    }

    /** Something was refused or failed; the text says why. */
    public static void error(String text) {
        show(text, NotificationVariant.LUMO_ERROR);
    }

    /** Neither: e.g. that nothing needed doing. */
    public static void notice(String text) {
        show(text, null);
    }

    private static void show(String text, NotificationVariant variant) {
        Notification toast = new Notification(text, SHOWN_FOR_MILLIS, POSITION);
        if (variant != null) {
            toast.addThemeVariants(variant);
        }
        toast.open();
    }
}
