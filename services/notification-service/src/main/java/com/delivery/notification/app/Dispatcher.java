package com.delivery.notification.app;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends what is due: claims a batch, calls the channel's sender for each message concurrently (outside any
 * transaction) and records the outcome. Which sender a channel has (provider or local sink) is configuration.
 */
@Service
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final DispatchLedger ledger;
    private final PushSender push;
    private final SmsSender sms;
    private final EmailSender email;
    private final int batchSize;

    Dispatcher(DispatchLedger ledger, PushSender push, SmsSender sms, EmailSender email,
            NotificationProperties properties) {
        this.ledger = ledger;
        this.push = push;
        this.sms = sms;
        this.email = email;
        this.batchSize = properties.dispatch().batchSize();
    }

    /** @return how many messages were claimed (a full batch means more may be waiting) */
    public int dispatchDue() {
        List<UUID> claimed = ledger.claimDue(batchSize);
        if (claimed.size() == 1) {
            deliver(claimed.getFirst());
        } else if (!claimed.isEmpty()) {
            try (ExecutorService sends = Executors.newVirtualThreadPerTaskExecutor()) {
                claimed.forEach(id -> sends.submit(() -> deliver(id)));
            }
        }
        return claimed.size();
    }

    public int batchSize() {
        return batchSize;
    }

    private void deliver(UUID notificationId) {
        try {
            Optional<DeliveryJob> job = ledger.job(notificationId);
            if (job.isPresent()) {
                ledger.record(notificationId, send(job.get()));
            }
        } catch (RuntimeException | LinkageError e) {
            log.error("Sending notificationId={} failed unexpectedly", notificationId, e);
            try {
                ledger.recordCrash(notificationId, e);
            } catch (RuntimeException again) {
                log.error("Could not record the failure of notificationId={}; its lease will expire", notificationId,
                        again);
            }
        }
    }

    private List<DeliveryResult> send(DeliveryJob job) {
        return switch (job.channel()) {
            case PUSH -> job.tokens().stream()
                    .map(token -> new DeliveryResult(token, push.send(new PushSender.PushMessage(token, job.subject(),
                            job.body(), job.data(), job.critical()))))
                    .toList();
            case SMS -> List.of(new DeliveryResult(job.destination(),
                    sms.send(new SmsSender.SmsMessage(job.destination(), job.body()))));
            case EMAIL -> List.of(new DeliveryResult(job.destination(),
                    email.send(new EmailSender.EmailMessage(job.destination(), job.recipientName(), job.subject(),
                            job.body()))));
        };
    }
}
