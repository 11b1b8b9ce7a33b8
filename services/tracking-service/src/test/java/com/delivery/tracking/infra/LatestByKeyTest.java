package com.delivery.tracking.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.delivery.tracking.infra.LatestByKey.Offered;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatestByKeyTest {

    private final LatestByKey<String, String> waiting = new LatestByKey<>(2);

    @Test
    void valuesLeaveInTheOrderTheirKeysArrived() throws InterruptedException {
        assertThat(waiting.offer("ada", "ada at 1")).isEqualTo(Offered.QUEUED);
        assertThat(waiting.offer("bob", "bob at 1")).isEqualTo(Offered.QUEUED);

        assertThat(waiting.poll(0, TimeUnit.SECONDS)).isEqualTo("ada at 1");
        assertThat(waiting.poll(0, TimeUnit.SECONDS)).isEqualTo("bob at 1");
        assertThat(waiting.poll(0, TimeUnit.SECONDS)).as("nothing waits").isNull();
    }

    @Test
    void aNewerValueReplacesTheOneOfItsKeyStillWaitingInItsPlace() throws InterruptedException {
        waiting.offer("ada", "ada at 1");
        waiting.offer("bob", "bob at 1");

        assertThat(waiting.offer("ada", "ada at 2")).isEqualTo(Offered.REPLACED_OLDER);

        assertThat(waiting.size()).isEqualTo(2);
        assertThat(waiting.poll(0, TimeUnit.SECONDS)).isEqualTo("ada at 2");
        assertThat(waiting.poll(0, TimeUnit.SECONDS)).isEqualTo("bob at 1");
    }

    @Test
    void aNewKeyIsRefusedWhileTheQueueIsFullButAWaitingKeyMayStillBeUpdated() throws InterruptedException {
        waiting.offer("ada", "ada at 1");
        waiting.offer("bob", "bob at 1");

        assertThat(waiting.offer("cem", "cem at 1")).isEqualTo(Offered.REFUSED_FULL);
        assertThat(waiting.offer("bob", "bob at 2")).isEqualTo(Offered.REPLACED_OLDER);

        waiting.poll(0, TimeUnit.SECONDS);
        assertThat(waiting.offer("cem", "cem at 2")).as("room again").isEqualTo(Offered.QUEUED);
    }

    @Test
    void aKeyThatLeftIsQueuedAnewAtTheEnd() throws InterruptedException {
        waiting.offer("ada", "ada at 1");
        waiting.offer("bob", "bob at 1");
        waiting.poll(0, TimeUnit.SECONDS);

        waiting.offer("ada", "ada at 2");

        assertThat(waiting.poll(0, TimeUnit.SECONDS)).isEqualTo("bob at 1");
        assertThat(waiting.poll(0, TimeUnit.SECONDS)).isEqualTo("ada at 2");
    }

    @Test
    void aQueueHoldsAtLeastOneKey() {
        assertThatThrownBy(() -> new LatestByKey<String, String>(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
