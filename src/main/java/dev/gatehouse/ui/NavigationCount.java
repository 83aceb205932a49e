package dev.gatehouse.ui;

import com.vaadin.flow.component.Component;

/**
 * A number on a navigation entry: how many things wait on that view for the signed-in person. A module
 * whose view has such things implements it as a bean; {@link MainLayout} shows the number beside the
 * entry and refreshes it, so the shell needs to know nothing of the module.
 */
public interface NavigationCount {

    /** The view whose navigation entry shows the number. */
    Class<? extends Component> view();

    /** What waits there for the signed-in person now; a count of 0 shows no number. */
    Waiting waiting();

    /**
     * @param count   how many things wait
     * @param meaning what the number means, e.g. "3 requests wait for your decision", for its tooltip and
     *                for screen readers
     */
    record Waiting(int count, String meaning) {

        public static final Waiting NOTHING = new Waiting(0, "");
    }
}
