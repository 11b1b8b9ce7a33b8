package com.delivery.notification.domain;

import java.util.Optional;
import java.util.UUID;

/** The contact directory. */
public interface Contacts {

    Contact save(Contact contact);

    Optional<Contact> findById(UUID userId);
}
