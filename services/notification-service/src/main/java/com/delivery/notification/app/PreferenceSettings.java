package com.delivery.notification.app;

import com.delivery.notification.domain.Category;
import com.delivery.notification.domain.Channel;
import com.delivery.notification.domain.Preference;
import com.delivery.notification.domain.PreferenceSet;
import com.delivery.notification.domain.Preferences;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes which categories a user wants on which channels. Critical messages are sent regardless. */
@Service
public class PreferenceSettings {

    private final Preferences preferences;
    private final Clock clock;

    PreferenceSettings(Preferences preferences, Clock clock) {
        this.preferences = preferences;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Map<Category, Map<Channel, Boolean>> of(UUID userId) {
        return preferences.of(userId).effective();
    }

    /** Applies the given choices; categories and channels not mentioned keep their setting. */
    @Transactional
    public Map<Category, Map<Channel, Boolean>> change(UUID userId, Map<Category, Map<Channel, Boolean>> changes) {
        Instant now = clock.instant();
        Map<Category, Map<Channel, Preference>> stored = new EnumMap<>(Category.class);
        preferences.findByKeyUserId(userId).forEach(p -> stored
                .computeIfAbsent(p.category(), c -> new EnumMap<>(Channel.class)).put(p.channel(), p));
        changes.forEach((category, channels) -> channels.forEach((channel, enabled) -> {
            Preference existing = stored.getOrDefault(category, Map.of()).get(channel);
            if (existing != null) {
                existing.set(enabled, now);
            } else {
                preferences.save(new Preference(userId, category, channel, enabled, now));
            }
        }));
        return PreferenceSet.of(preferences.findByKeyUserId(userId)).effective();
    }
}
