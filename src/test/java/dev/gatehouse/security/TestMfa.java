package dev.gatehouse.security;

import java.time.Instant;

import org.springframework.stereotype.Component;

import dev.gatehouse.TestUsers;
import dev.gatehouse.security.internal.MfaRepository;
import dev.gatehouse.security.internal.Totp;

/** Second factors for tests: enrol an authenticator app as the enrolment page does, or start with none. */
@Component
public class TestMfa {

    private final MfaFactors factors;
    private final MfaRepository repository;

    TestMfa(MfaFactors factors, MfaRepository repository) {
        this.factors = factors;
        this.repository = repository;
    }

    /** Enrols an authenticator app for the person, with the code of the current step; returns its secret. */
    public String enrolTotp(GatehouseUser user) {
        return TestUsers.as(user, () -> {
            TotpEnrolment enrolment = factors.startTotp();
            factors.confirmTotp(enrolment, "Phone", code(enrolment.secret(), Instant.now()));
            return enrolment.secret();
        });
    }

    /** The code an authenticator app shows at the moment. */
    public static String code(String secret, Instant at) {
        return Totp.code(secret, Totp.step(at));
    }

    /** The app's next code: the current one is used up by enrolment. */
    public static String nextCode(String secret) {
        return Totp.code(secret, Totp.step(Instant.now()) + 1);
    }

    /** Removes every factor, recovery code, lockout and step-up of the person. */
    public void clear(GatehouseUser user) {
        repository.deleteAll(user.subject());
    }
}
