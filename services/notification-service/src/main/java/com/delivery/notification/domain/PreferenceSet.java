package com.delivery.notification.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A user's preferences: their choices over the categories' defaults. */
public final class PreferenceSet {

    private final Map<Category, Map<Channel, Boolean>> choices;

    private PreferenceSet(Map<Category, Map<Channel, Boolean>> choices) {
        this.choices = choices;
    }

    public static PreferenceSet of(List<Preference> stored) {
        Map<Category, Map<Channel, Boolean>> choices = new EnumMap<>(Category.class);
        stored.forEach(p -> choices.computeIfAbsent(p.category(), c -> new EnumMap<>(Channel.class))
                .put(p.channel(), p.enabled()));
        return new PreferenceSet(choices);
    }

    public static PreferenceSet defaults() {
        return of(List.of());
    }

    public boolean allows(Category category, Channel channel) {
        return choices.getOrDefault(category, Map.of()).getOrDefault(channel, category.enabledByDefault());
    }

    /** Every category and channel with its effective setting. */
    public Map<Category, Map<Channel, Boolean>> effective() {
        Map<Category, Map<Channel, Boolean>> all = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            Map<Channel, Boolean> channels = new EnumMap<>(Channel.class);
            for (Channel channel : Channel.values()) {
                channels.put(channel, allows(category, channel));
            }
            all.put(category, channels);
        }
        return all;
    }
}
