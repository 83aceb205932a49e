package dev.gatehouse.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

import dev.gatehouse.TestUsers;

@SpringBootTest
class AuditTrailTest {

    @Autowired
    private AuditTrail auditTrail;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void auditors_and_admins_may_read_the_audit_trail() {
        TestUsers.signIn(TestUsers.AUDITOR);
        assertThat(auditTrail.page(AuditFilter.ALL, 0, 10)).isNotNull();

        TestUsers.signIn(TestUsers.ADMIN);
        assertThat(auditTrail.page(AuditFilter.ALL, 0, 10)).isNotNull();
    }

    @Test
    void a_requester_may_not_read_the_audit_trail() {
        TestUsers.signIn(TestUsers.REQUESTER);

        assertThatThrownBy(() -> auditTrail.page(AuditFilter.ALL, 0, 10)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void nobody_signed_out_may_read_the_audit_trail() {
        assertThatThrownBy(() -> auditTrail.page(AuditFilter.ALL, 0, 10))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}
