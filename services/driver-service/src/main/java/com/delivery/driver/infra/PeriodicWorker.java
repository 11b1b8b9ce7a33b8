package com.delivery.driver.infra;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A background thread that runs a piece of work every interval, or at once when woken up. A failing round is
 * logged and the next one runs as usual. Starts after, and stops before, the web server and the Kafka listeners.
 */
abstract class PeriodicWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicWorker.class);

    private final String name;
    private final Duration interval;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    PeriodicWorker(String name, Duration interval) {
        this.name = name;
        this.interval = interval;
    }

    /** One round of work. */
    protected abstract void runOnce();

    void wakeUp() {
        wakeUps.release();
    }

    private void loop() {
        while (running) {
            try {
                runOnce();
            } catch (RuntimeException e) {
                log.warn("{} failed: {}", name, e.toString());
            }
            try {
                wakeUps.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name(name).daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2000;
    }
}
