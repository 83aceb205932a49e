package dev.gatehouse.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressTextTest {

    @Test
    void the_ipv6_loopback_reads_as_double_colon_one() {
        assertThat(AddressText.of("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(AddressText.of("[0:0:0:0:0:0:0:1]")).isEqualTo("::1");
    }

    @Test
    void an_ipv6_address_is_written_in_its_short_form() {
        assertThat(AddressText.of("2001:DB8:0:0:0:0:0:1")).isEqualTo("2001:db8::1");
        assertThat(AddressText.of("2001:0db8:0000:0001:0000:0000:0000:0001")).isEqualTo("2001:db8:0:1::1");
        assertThat(AddressText.of("2001:db8:0:0:1:0:0:1")).as("the first of two equal runs").isEqualTo("2001:db8::1:0:0:1");
        assertThat(AddressText.of("2001:db8:0:1:1:1:1:1")).as("one zero group stays").isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(AddressText.of("0:0:0:0:0:0:0:0")).isEqualTo("::");
    }

    @Test
    void an_ipv4_mapped_address_reads_as_the_ipv4_address_it_is() {
        assertThat(AddressText.of("0:0:0:0:0:ffff:c000:20a")).isEqualTo("192.0.2.10");
        assertThat(AddressText.of("::ffff:127.0.0.1")).isEqualTo("127.0.0.1");
    }

    @Test
    void other_text_is_left_as_it_came() {
        assertThat(AddressText.of("192.0.2.10")).isEqualTo("192.0.2.10");
        assertThat(AddressText.of("example.com")).isEqualTo("example.com");
        assertThat(AddressText.of("not:an:address")).isEqualTo("not:an:address");
        assertThat(AddressText.of("")).isEmpty();
        assertThat(AddressText.of(null)).isEmpty();
    }
}
