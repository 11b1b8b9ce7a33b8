package com.delivery.kit.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTest {

    @Test
    void anIpv4AddressIsItsOwnKey() {
        assertThat(ClientAddress.normalize("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.normalize(" 10.0.0.1 ")).isEqualTo("10.0.0.1");
    }

    @Test
    void ipv6AddressesAreKeyedByTheirSlash64WhateverTheirSpelling() {
        assertThat(ClientAddress.normalize("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.normalize("2001:0db8:0001:0002:ffff::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.normalize("[2001:db8:1:2::9]")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.normalize("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
        assertThat(ClientAddress.normalize("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.normalize("2001:db8:1:2::1"));
    }

    @Test
    void anIpv4MappedAddressIsTheIpv4Address() {
        assertThat(ClientAddress.normalize("::ffff:198.51.100.4")).isEqualTo("198.51.100.4");
    }

    @Test
    void somethingThatIsNoAddressIsKeptBoundedAndNeverLookedUp() {
        assertThat(ClientAddress.normalize(null)).isEqualTo("unknown");
        assertThat(ClientAddress.normalize("")).isEqualTo("unknown");
        assertThat(ClientAddress.normalize("abc:xyz")).isEqualTo("abc:xyz");
        assertThat(ClientAddress.normalize("example.com")).isEqualTo("example.com");
        assertThat(ClientAddress.normalize("x".repeat(500))).hasSize(64);
    }

    @Test
    void theKeyIsTheRemoteAddressTheValveLeftOnTheRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("192.0.2.10");
        request.addHeader("X-Forwarded-For", "198.51.100.99");

        assertThat(ClientAddress.of(request)).as("the header itself is never read here").isEqualTo("192.0.2.10");
    }
}
