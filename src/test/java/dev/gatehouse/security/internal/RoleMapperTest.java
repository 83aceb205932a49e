package dev.gatehouse.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.gatehouse.security.GatehouseRole;

class RoleMapperTest {

    private final RoleMapper mapper = new RoleMapper(new SecurityProperties(null, List.of("aws-admins", "sre-leads"),
            List.of("audit"), null, null, null));

    @Test
    void everyone_signed_in_may_request() {
        assertThat(mapper.rolesFor(List.of())).containsExactly(GatehouseRole.REQUESTER);
    }

    @Test
    void any_configured_admin_group_makes_an_admin() {
        assertThat(mapper.rolesFor(List.of("engineering", "sre-leads")))
                .containsExactlyInAnyOrder(GatehouseRole.REQUESTER, GatehouseRole.ADMIN);
    }

    @Test
    void the_auditor_group_makes_an_auditor() {
        assertThat(mapper.rolesFor(List.of("audit"))).containsExactlyInAnyOrder(GatehouseRole.REQUESTER,
                GatehouseRole.AUDITOR);
    }

    @Test
    void group_names_must_match_exactly() {
        assertThat(mapper.rolesFor(List.of("AWS-Admins", "aws-admins-readonly"))).containsExactly(GatehouseRole.REQUESTER);
    }
}
