package com.delivery.notification.infra;

import com.delivery.notification.domain.Contact;
import com.delivery.notification.domain.Contacts;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface JpaContacts extends JpaRepository<Contact, UUID>, Contacts {
}
