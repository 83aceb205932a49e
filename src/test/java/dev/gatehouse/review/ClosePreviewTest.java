package dev.gatehouse.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ClosePreviewTest {

    @Test
    void a_revoke_preview_names_each_kind_it_would_revoke() {
        ClosePreview preview = new ClosePreview(DueDatePolicy.REVOKE, 6, Map.of(ItemKind.MEMBERSHIP, 2,
                ItemKind.STANDING, 3, ItemKind.ELIGIBILITY, 1), 2, 1, 0);

        assertThat(preview.text()).isEqualTo("Would revoke 3 assignments, 1 access-rule eligibility and 2 group "
                + "memberships on 2 accounts, 1 of them admin-level.");
    }

    @Test
    void a_preview_of_group_memberships_alone_names_no_accounts() {
        ClosePreview preview = new ClosePreview(DueDatePolicy.REVOKE, 2, Map.of(ItemKind.MEMBERSHIP, 2), 0, 0, 0);

        assertThat(preview.text()).isEqualTo("Would revoke 2 group memberships, 0 of them admin-level.");
    }

    @Test
    void keep_policies_count_items_and_a_decided_campaign_changes_nothing() {
        assertThat(new ClosePreview(DueDatePolicy.KEEP_AND_FLAG, 1, Map.of(), 0, 0, 0).text())
                .isEqualTo("Would keep 1 item nobody decided, flagged as undecided.");
        assertThat(new ClosePreview(DueDatePolicy.REVOKE, 0, Map.of(), 0, 0, 0).text())
                .isEqualTo("Every item is decided: closing changes nothing.");
    }
}
