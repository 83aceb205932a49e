package dev.gatehouse.security;

import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.security.access.AccessDeniedException;

import dev.gatehouse.TestEvents;
import dev.gatehouse.TestUsers;
import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.AuditFilter;
import dev.gatehouse.audit.AuditTrail;

@SpringBootTest
class SessionControlTest {

    @Autowired
    private SessionControl sessions;
    @Autowired
    private AuditTrail audit;
    @Autowired
    private EventPublicationRegistry events;

    @Test
    void an_admin_signs_a_person_out_everywhere_and_it_is_audited() {
        as(TestUsers.ADMIN, () -> {
            sessions.signOutEverywhere(" Sam.Okafor ");
            return null;
        });

        assertThat(as(TestUsers.ADMIN, () -> sessions.latest(10))).first()
                .satisfies(r -> assertThat(r.subject()).isEqualTo("sam.okafor"));
        TestEvents.awaitDelivered(events);
        assertThat(as(TestUsers.AUDITOR, () -> audit.page(new AuditFilter("sam.okafor",
                Optional.of(AuditAction.SIGNED_OUT_EVERYWHERE)), 0, 10))).first()
                .satisfies(entry -> assertThat(entry.actor()).isEqualTo("Morgan Reyes"));
    }

    @Test
    void only_admins_sign_people_out_everywhere() {
        for (GatehouseUser user : List.of(TestUsers.REQUESTER, TestUsers.AUDITOR)) {
            assertThatThrownBy(() -> as(user, () -> {
                sessions.signOutEverywhere("riley.chen");
                return null;
            })).isInstanceOf(AccessDeniedException.class);
        }
    }
}
