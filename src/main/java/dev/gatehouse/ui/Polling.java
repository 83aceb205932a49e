package dev.gatehouse.ui;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableRunnable;
import com.vaadin.flow.shared.Registration;

/**
 * A component that follows something changing on the server by asking the browser to poll. Vaadin has
 * one poll interval per UI, so the layout and a view that each set it would undo each other: the UI
 * polls at the shortest interval any attached follower wants, and each follower hears a poll no more
 * often than it asked for.
 */
public final class Polling implements Serializable {

    private final Component owner;
    private final SerializableRunnable onPoll;
    private Duration interval;
    private Instant last = Instant.MIN;
    private Registration listener;

    private Polling(Component owner, Duration interval, SerializableRunnable onPoll) {
        this.owner = owner;
        this.interval = interval;
        this.onPoll = onPoll;
        owner.addAttachListener(event -> start(event.getUI()));
        owner.addDetachListener(event -> stop(event.getUI()));
        owner.getUI().ifPresent(this::start);
    }

    /** Runs {@code onPoll} about every {@code interval} while the owner is attached. */
    public static Polling every(Component owner, Duration interval, SerializableRunnable onPoll) {
        return new Polling(owner, interval, onPoll);
    }

    /** Polls at another pace from now on, e.g. faster while something runs. */
    public void every(Duration newInterval) {
        interval = newInterval;
        owner.getUI().ifPresent(Polling::apply);
    }

    private void start(UI ui) {
        if (listener != null) {
            return;
        }
        followers(ui).add(this);
        listener = ui.addPollListener(poll -> {
            Instant now = Instant.now();
            // A poll a little early for this follower's own pace still counts, or it would skip a whole round.
            if (!now.isBefore(last.plus(interval.multipliedBy(9).dividedBy(10)))) {
                last = now;
                onPoll.run();
            }
        });
        apply(ui);
    }

    private void stop(UI ui) {
        if (listener == null) {
            return;
        }
        listener.remove();
        listener = null;
        followers(ui).remove(this);
        apply(ui);
    }

    private static void apply(UI ui) {
        int shortest = followers(ui).stream().mapToInt(f -> (int) f.interval.toMillis()).min().orElse(-1);
        if (ui.getPollInterval() != shortest) {
            ui.setPollInterval(shortest);
        }
    }

    /** The UI's attached followers, kept with the UI itself. */
    private static Set<Polling> followers(UI ui) {
        Followers followers = ComponentUtil.getData(ui, Followers.class);
        if (followers == null) {
            followers = new Followers();
            ComponentUtil.setData(ui, Followers.class, followers);
        }
        return followers.all;
    }

    private static final class Followers implements Serializable {
        private final Set<Polling> all = Collections.newSetFromMap(new IdentityHashMap<>());
    }
}
