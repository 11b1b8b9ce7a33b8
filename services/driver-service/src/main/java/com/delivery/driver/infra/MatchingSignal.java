package com.delivery.driver.infra;

import com.delivery.driver.app.MatchingTrigger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/** The matching trigger: wakes the matching loop (kept apart from it so the loop can depend on the use cases). */
@Component
class MatchingSignal implements MatchingTrigger {

    private final AtomicReference<Runnable> listener = new AtomicReference<>(() -> { });

    void onSignal(Runnable wakeUp) {
        listener.set(wakeUp);
    }

    @Override
    public void wakeUp() {
        listener.get().run();
    }
}
