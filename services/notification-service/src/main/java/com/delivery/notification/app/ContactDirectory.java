package com.delivery.notification.app;

import com.delivery.notification.domain.Contact;
import com.delivery.notification.domain.ContactDetails;
import com.delivery.notification.domain.Contacts;
import com.delivery.notification.domain.VendorOwner;
import com.delivery.notification.domain.VendorOwners;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service's own copy of who to reach: contact details from user.* events and vendor owners from
 * vendor.registered, so no message needs a call to another service.
 */
@Service
public class ContactDirectory {

    private static final Logger log = LoggerFactory.getLogger(ContactDirectory.class);

    private final Contacts contacts;
    private final VendorOwners vendorOwners;
    private final Clock clock;

    ContactDirectory(Contacts contacts, VendorOwners vendorOwners, Clock clock) {
        this.contacts = contacts;
        this.vendorOwners = vendorOwners;
        this.clock = clock;
    }

    @Transactional
    public void userChanged(UUID userId, ContactDetails details, Instant asOf) {
        Instant now = clock.instant();
        contacts.findById(userId).ifPresentOrElse(contact -> {
            if (!contact.update(details, asOf, now)) {
                log.info("Ignoring older contact details userId={} asOf={}", userId, asOf);
            }
        }, () -> contacts.save(new Contact(userId, details, asOf, now)));
    }

    @Transactional
    public void vendorRegistered(UUID vendorId, UUID ownerUserId, String name, Instant registeredAt) {
        vendorOwners.findById(vendorId).ifPresentOrElse(owner -> owner.update(ownerUserId, name),
                () -> vendorOwners.save(new VendorOwner(vendorId, ownerUserId, name, registeredAt)));
        log.info("Vendor owner known vendorId={} ownerUserId={}", vendorId, ownerUserId);
    }
}
