package dev.gatehouse.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class AssignmentIdsTest {

    private static final String ARN = "arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-0123456789abcdef";

    @Test
    void an_account_id_is_twelve_digits_leading_zeros_included() {
        assertThat(new AccountId("000123456789")).hasToString("000123456789");
        assertThatThrownBy(() -> new AccountId("123456789")).hasMessageContaining("12 digits");
        assertThatThrownBy(() -> new AccountId("payments-dev")).hasMessageContaining("12 digits");
    }

    @Test
    void a_permission_set_arn_is_an_identity_center_permission_set_arn() {
        assertThat(new PermissionSetArn(ARN)).hasToString(ARN);
        assertThatThrownBy(() -> new PermissionSetArn("Developer")).hasMessageContaining("Not a permission set's ARN");
        assertThatThrownBy(() -> new PermissionSetArn("arn:aws:iam::aws:policy/ReadOnlyAccess"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void in_json_the_ids_are_the_bare_strings_events_held_before_they_were_typed() throws Exception {
        ObjectMapper json = new ObjectMapper();
        AccessHolding.Key key = new AccessHolding.Key(new AccountId("111122223333"), new PermissionSetArn(ARN),
                PrincipalType.GROUP, "g-1");

        String written = json.writeValueAsString(key);

        assertThat(written).isEqualTo("{\"accountId\":\"111122223333\",\"permissionSetArn\":\"" + ARN
                + "\",\"principalType\":\"GROUP\",\"principalId\":\"g-1\"}");
        assertThat(json.readValue(written, AccessHolding.Key.class)).isEqualTo(key);
    }

    @Test
    void a_session_duration_that_is_not_known_counts_as_the_longest_aws_allows() {
        assertThat(permissionSet(Optional.empty()).sessionOrLongest()).isEqualTo(Duration.ofHours(12));
        assertThat(permissionSet(Optional.of(Duration.ofHours(2))).sessionOrLongest()).isEqualTo(Duration.ofHours(2));
    }

    private static PermissionSetRow permissionSet(Optional<Duration> session) {
        return new PermissionSetRow(ARN, "Developer", "", session, "", List.of(), List.of(), "", "", Map.of(), 0);
    }
}
