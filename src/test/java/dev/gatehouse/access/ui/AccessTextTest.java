package dev.gatehouse.access.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.gatehouse.access.BreakGlassActivation;
import dev.gatehouse.access.MessagesSent;
import dev.gatehouse.directory.UserRow;

class AccessTextTest {

    private static final UserRow AVERY = person("u-avery", "Avery Patel");

    @Test
    void without_any_channel_break_glass_says_nobody_was_told_by_message_and_where_it_shows() {
        String text = AccessText.breakGlassConfirmation(new BreakGlassActivation(List.of(1L), MessagesSent.NO_CHANNEL,
                true, "u-avery"));

        assertThat(text).isEqualTo("Break-glass access is being activated. No notification channel is configured, "
                + "so nobody was told by message. In Gatehouse, the people its rule names see it under Approvals "
                + "and admins under Active access, until an admin follows it up.");
    }

    @Test
    void a_rule_naming_nobody_says_only_the_admins_see_it() {
        String text = AccessText.breakGlassConfirmation(new BreakGlassActivation(List.of(1L),
                new MessagesSent(true, List.of(), 2, List.of()), false, ""));

        assertThat(text).isEqualTo("Break-glass access is being activated. Emailed 2 admin addresses. In Gatehouse, "
                + "admins see it under Active access until one of them follows it up.");
    }

    @Test
    void a_configured_channel_that_reached_nobody_is_not_called_telling() {
        String text = AccessText.breakGlassConfirmation(new BreakGlassActivation(List.of(1L),
                new MessagesSent(true, List.of(), 0, List.of()), true, ""));

        assertThat(text).contains("No message went out: nobody to tell has an email address, and no admin address "
                + "is set.");
    }

    @Test
    void a_large_group_is_named_by_its_first_members_and_a_count() {
        List<UserRow> group = List.of(person("u-jordan", "Jordan Kim"), AVERY, person("u-3", "Casey Lee"),
                person("u-4", "Drew Fox"));
        String text = AccessText.breakGlassConfirmation(new BreakGlassActivation(List.of(1L),
                new MessagesSent(true, group, 0, List.of("Slack")), true, "u-avery"));

        assertThat(text).startsWith("Break-glass access is being activated. Emailed Jordan Kim, your manager Avery "
                + "Patel and 2 others; posted to Slack.");
    }

    private static UserRow person(String id, String name) {
        return new UserRow(id, id, name, id + "@example.com", true, "");
    }
}
