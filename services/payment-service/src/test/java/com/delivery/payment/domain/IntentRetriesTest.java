package com.delivery.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IntentRetriesTest {

    @Test
    void theWaitStartsAtASecondAndDoublesUpToFifteen() {
        assertThat(IntentRetries.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(IntentRetries.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(IntentRetries.delayAfter(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(IntentRetries.delayAfter(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(IntentRetries.delayAfter(5)).isEqualTo(Duration.ofSeconds(15));
        assertThat(IntentRetries.delayAfter(1_000)).isEqualTo(Duration.ofSeconds(15));
    }
}
