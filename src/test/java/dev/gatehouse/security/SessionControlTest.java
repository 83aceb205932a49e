package dev.gatehouse.security;

import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
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
import dev.gatehouse.directory.DemoDirectory;
import dev.gatehouse.directory.internal.DirectorySyncJob;

@SpringBootTest
class SessionControlTest {

    @Autowired
    private SessionControl sessions;
    @Autowired
    private AuditTrail audit;
    @Autowired
    private EventPublicationRegistry events;
    @Autowired
    private DirectorySyncJob sync;

    @BeforeEach
    void demoDirectory() {
        DemoDirectory.ensureSynced(sync);
    }

    @Test
    void an_admin_signs_a_person_out_everywhere_and_it_is_audited() {
        as(TestUsers.ADMIN, () -> sessions.signOutEverywhere(" Sam.Okafor "));

        assertThat(as(TestUsers.ADMIN, () -> sessions.latest(10))).first()
                .satisfies(r -> assertThat(r.subject()).isEqualTo("sam.okafor"));
        TestEvents.awaitDelivered(events);
        assertThat(as(TestUsers.AUDITOR, () -> audit.page(new AuditFilter("sam.okafor",
                Optional.of(AuditAction.SIGNED_OUT_EVERYWHERE)), 0, 10))).first()
                .satisfies(entry -> assertThat(entry.actor()).isEqualTo("Morgan Reyes"));
    }

    @Test
    void someone_the_directory_does_not_know_is_refused_and_nobody_is_signed_out() {
        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> sessions.signOutEverywhere("nobody.here")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Nobody in the directory signs in as \"nobody.here\". Choose a person from the list.");

        assertThat(as(TestUsers.ADMIN, () -> sessions.latest(50))).noneMatch(r -> r.subject().equals("nobody.here"));
    }

    @Test
    void a_person_is_found_by_their_email_and_signed_out_under_their_sign_in_name() {
        DirectoryPerson person = as(TestUsers.ADMIN, () -> sessions.signOutEverywhere("Avery.Patel@example.com"));

        assertThat(person.displayName()).isEqualTo("Avery Patel");
        assertThat(as(TestUsers.ADMIN, () -> sessions.latest(10))).first()
                .satisfies(r -> assertThat(r.subject()).isEqualTo("avery.patel"));
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
