package com.delivery.notification.infra;

import com.delivery.notification.app.DispatchSignal;
import com.delivery.notification.app.Dispatcher;
import com.delivery.notification.app.NotificationProperties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The dispatcher's thread: sends whatever is due, then waits for a wake-up (new messages committed) or the poll
 * interval (retries coming due), whichever comes first. Stops before the database goes away.
 */
@Component
class DispatchWorker implements DispatchSignal, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DispatchWorker.class);

    private final Dispatcher dispatcher;
    private final NotificationProperties.Dispatch settings;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    DispatchWorker(Dispatcher dispatcher, NotificationProperties properties) {
        this.dispatcher = dispatcher;
        this.settings = properties.dispatch();
    }

    @Override
    public void wake() {
        wakeUps.release();
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled() || running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("notification-dispatch").daemon().start(this::loop);
    }

    @Override
    public synchronized void stop() {
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                int claimed;
                do {
                    claimed = dispatcher.dispatchDue();
                } while (running && claimed > 0);
            } catch (RuntimeException | LinkageError e) {
                // the thread must survive whatever one round throws (a database outage, a broken provider library)
                log.error("Dispatch round failed; trying again after {}", settings.pollInterval(), e);
            }
            try {
                wakeUps.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
