package com.delivery.notification.infra;

import com.delivery.notification.app.SendOutcome;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where messages go on a channel without credentials (the local default): the rendered message is logged and
 * reported as delivered to {@code local-sink}, so it lands in the history and the admin view like a real one.
 */
final class LocalSink {

    static final String PROVIDER = "local-sink";
    private static final Logger log = LoggerFactory.getLogger(LocalSink.class);
    private static final int MAX_LOGGED = 2000;

    private LocalSink() {
    }

    static SendOutcome deliver(String channel, String to, String subject, String text) {
        String id = "local-" + UUID.randomUUID();
        log.info("local-sink {} to={} id={} subject={} text={}", channel, to, id, subject, clip(text));
        return new SendOutcome.Sent(PROVIDER, id);
    }

    static String plain(String html) {
        return html == null ? null : html.replaceAll("(?s)<style.*?</style>", " ").replaceAll("<[^>]+>", " ")
                .replaceAll("\\s+", " ").trim();
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_LOGGED ? text : text.substring(0, MAX_LOGGED) + "…";
    }
}
