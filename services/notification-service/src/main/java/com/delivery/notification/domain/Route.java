package com.delivery.notification.domain;

import java.util.List;

/**
 * Who hears about an event, on which channels, under which category, and whether it is critical. Critical
 * messages ignore preferences and fall back to SMS when push is impossible.
 */
public record Route(Audience audience, List<Channel> channels, Category category, boolean critical, String template) {

    public Route {
        channels = List.copyOf(channels);
    }

    static Route normal(Audience audience, Category category, String template, Channel... channels) {
        return new Route(audience, List.of(channels), category, false, template);
    }

    static Route critical(Audience audience, Category category, String template, Channel... channels) {
        return new Route(audience, List.of(channels), category, true, template);
    }

    /** The SMS that stands in for a critical push: only when SMS is not routed anyway. */
    public boolean needsSmsFallback() {
        return critical && channels.contains(Channel.PUSH) && !channels.contains(Channel.SMS);
    }
}
