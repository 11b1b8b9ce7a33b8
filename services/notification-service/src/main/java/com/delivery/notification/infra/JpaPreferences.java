package com.delivery.notification.infra;

import com.delivery.notification.domain.Preference;
import com.delivery.notification.domain.Preferences;
import org.springframework.data.jpa.repository.JpaRepository;

interface JpaPreferences extends JpaRepository<Preference, Preference.Key>, Preferences {
}
