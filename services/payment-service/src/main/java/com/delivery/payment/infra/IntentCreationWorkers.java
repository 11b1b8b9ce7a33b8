package com.delivery.payment.infra;

import com.delivery.kit.resilience.WarningThrottle;
import com.delivery.payment.app.IntentCreation;
import com.delivery.payment.app.IntentCreation.PendingIntent;
import com.delivery.payment.app.IntentSubmissions;
import com.delivery.payment.app.PaymentProperties;
import com.delivery.payment.domain.Payments;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs intent creation attempts on virtual threads, at most {@code payment.intents.max-in-flight} at a time (a
 * consumer handing one over waits for a slot up to {@code submit-wait}, which slows Kafka consumption down instead of
 * queueing without bound), and a sweep that sends again every request that is due: a first attempt that was never
 * booked (the process died mid-call, a slot was not free) and retries after Stripe could not be reached. A payment
 * is attempted by one thread of this instance at a time; another instance may attempt it too, which the idempotency
 * key makes harmless.
 *
 * <p>Metrics: {@code payment_intents_in_flight}, {@code payment_intent_submissions_deferred_total} (left to the
 * sweep because no slot was free), {@code payment_intent_retries_total} (sent again by the sweep).
 */
@Component
class IntentCreationWorkers implements IntentSubmissions, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IntentCreationWorkers.class);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(30);

    private final IntentCreation creation;
    private final Payments payments;
    private final PaymentProperties.Intents settings;
    private final Clock clock;
    private final Semaphore slots;
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private final Counter deferred;
    private final Counter retries;
    private final WarningThrottle sweepFailures = new WarningThrottle(REPORT_EVERY);
    private volatile ExecutorService attempts;
    private ScheduledExecutorService sweep;

    IntentCreationWorkers(IntentCreation creation, Payments payments, PaymentProperties properties, Clock clock,
            MeterRegistry registry) {
        this.creation = creation;
        this.payments = payments;
        this.settings = properties.intents();
        this.clock = clock;
        this.slots = new Semaphore(settings.maxInFlight());
        Gauge.builder("payment.intents.in.flight", inFlight, Set::size)
                .description("PaymentIntent creations waiting for Stripe's answer")
                .register(registry);
        this.deferred = Counter.builder("payment.intent.submissions.deferred")
                .description("Intent requests left to the retry sweep because every slot was busy")
                .register(registry);
        this.retries = Counter.builder("payment.intent.retries")
                .description("Intent requests sent again by the retry sweep (unbooked or after a failure)")
                .register(registry);
    }

    @Override
    public void submit(PendingIntent pending) {
        run(pending.paymentId(), () -> creation.attempt(pending));
    }

    @Override
    public void submitStored(UUID paymentId) {
        run(paymentId, () -> creation.stored(paymentId).ifPresent(creation::attempt));
    }

    private void run(UUID paymentId, Runnable attempt) {
        ExecutorService executor = attempts;
        if (executor == null || !inFlight.add(paymentId)) {
            return;
        }
        boolean slot = false;
        try {
            slot = slots.tryAcquire(settings.submitWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!slot) {
            inFlight.remove(paymentId);
            deferred.increment();
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    attempt.run();
                } catch (RuntimeException e) {
                    // the database failing the read or the booking: the request stays due, the sweep sends it again
                    log.warn("Intent creation attempt failed paymentId={}; the retry sweep sends it again: {}",
                            paymentId, e.toString());
                } finally {
                    inFlight.remove(paymentId);
                    slots.release();
                }
            });
        } catch (RuntimeException rejected) {
            // shutting down: the sweep of the next start sends it
            inFlight.remove(paymentId);
            slots.release();
        }
    }

    private void sweepOnce() {
        try {
            List<UUID> due = payments.intentRequestsDue(clock.instant(), settings.sweepBatch());
            for (UUID paymentId : due) {
                if (!inFlight.contains(paymentId)) {
                    retries.increment();
                    submitStored(paymentId);
                }
            }
        } catch (RuntimeException e) {
            sweepFailures.occurred(System.currentTimeMillis()).ifPresent(times -> log.warn(
                    "Intent retry sweep failed ({} times since the last report): {}", times, e.toString()));
        }
    }

    @Override
    public synchronized void start() {
        if (attempts != null) {
            return;
        }
        attempts = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("intent-", 0).factory());
        sweep = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("intent-sweep").daemon()
                .factory());
        long every = settings.sweepInterval().toMillis();
        sweep.scheduleWithFixedDelay(this::sweepOnce, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (attempts == null) {
            return;
        }
        sweep.shutdownNow();
        ExecutorService running = attempts;
        attempts = null;
        running.shutdown();
        try {
            // what does not finish is due again at the next start (same idempotency key, same intent)
            running.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return attempts != null;
    }

    @Override
    public int getPhase() {
        // starts before the Kafka listener containers and stops after them: no hand-over ever finds it stopped
        return 0;
    }
}
