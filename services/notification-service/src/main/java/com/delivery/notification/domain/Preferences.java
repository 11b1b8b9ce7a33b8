package com.delivery.notification.domain;

import java.util.List;
import java.util.UUID;

public interface Preferences {

    List<Preference> findByKeyUserId(UUID userId);

    Preference save(Preference preference);

    default PreferenceSet of(UUID userId) {
        return PreferenceSet.of(findByKeyUserId(userId));
    }
}
