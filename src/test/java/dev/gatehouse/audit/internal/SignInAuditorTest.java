package dev.gatehouse.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.AuditEntry;
import dev.gatehouse.security.SignInFailure;
import dev.gatehouse.security.SignInMethod;
import dev.gatehouse.security.SignInRejected;
import dev.gatehouse.security.SignedIn;
import dev.gatehouse.security.SignedOut;

class SignInAuditorTest extends AuditListenerTest {

    private static final Instant AT = Instant.parse("2026-11-21T08:30:00Z");

    @Test
    void a_sign_in_is_recorded_with_person_method_roles_and_address() {
        publish(new SignedIn("alice", "Alice Liddell", "Requester, Admin", SignInMethod.SAML, "198.51.100.7", AT));

        AuditEntry entry = awaitOneEntry();
        assertThat(entry.action()).isEqualTo(AuditAction.SIGNED_IN);
        assertThat(entry.actor()).as("the display name, as every actor in the trail").isEqualTo("Alice Liddell");
        assertThat(entry.subject()).isEqualTo("alice");
        assertThat(entry.about().person()).as("the sign-in name, so the Person filter finds it").isEqualTo("alice");
        assertThat(entry.occurredAt()).isEqualTo(AT);
        assertThat(entry.details()).isEqualTo("Alice Liddell via SAML as Requester, Admin");
        assertThat(entry.sourceAddress()).isEqualTo("198.51.100.7");
    }

    @Test
    void a_sign_out_is_recorded() {
        publish(new SignedOut("alice", "Alice Liddell", "198.51.100.7", AT));

        AuditEntry entry = awaitOneEntry();
        assertThat(entry.action()).isEqualTo(AuditAction.SIGNED_OUT);
        assertThat(entry.actor()).isEqualTo("Alice Liddell");
        assertThat(entry.about().person()).isEqualTo("alice");
    }

    @Test
    void a_refused_sign_in_is_recorded_with_its_reason() {
        publish(new SignInRejected(SignInFailure.REPLAYED, "Assertion [_1] was already used", "203.0.113.9", AT));

        AuditEntry entry = awaitOneEntry();
        assertThat(entry.action()).isEqualTo(AuditAction.SIGN_IN_REFUSED);
        assertThat(entry.subject()).isEqualTo("REPLAYED");
        assertThat(entry.details()).isEqualTo("Assertion [_1] was already used");
    }

}
