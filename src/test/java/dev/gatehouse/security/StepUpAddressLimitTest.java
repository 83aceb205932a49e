package dev.gatehouse.security;

import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.gatehouse.TestUsers;

/** Failed step-ups count per source address as well as per person, so one place cannot try everyone's. */
@SpringBootTest(properties = "gatehouse.security.attempts.max-failures=3")
class StepUpAddressLimitTest {

    @Autowired
    private StepUp stepUp;

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void failures_of_several_people_from_one_address_block_that_address_and_no_other() {
        from("198.51.100.77");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> wrongCode(TestUsers.DIRECTOR))
                    .isInstanceOf(MfaProblem.class).hasMessage("That code is not right.");
        }

        assertThatThrownBy(() -> wrongCode(TestUsers.STRANGER))
                .isInstanceOf(MfaProblem.class)
                .hasMessageStartingWith("Too many failed verifications from your network address: try again after ");

        from("198.51.100.78");
        assertThatThrownBy(() -> wrongCode(TestUsers.STRANGER))
                .isInstanceOf(MfaProblem.class).hasMessage("That code is not right.");
    }

    private Object wrongCode(GatehouseUser user) {
        return as(user, () -> {
            stepUp.verifyCode("000000");
            return null;
        });
    }

    private static void from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }
}
