package com.delivery.driver.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.util.Objects;

/** One document of a driver; valid up to and including its expiry date. */
@Embeddable
public class DriverDocument {

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false)
    private DocumentType type;

    @Column(name = "number", nullable = false)
    private String number;

    @Column(name = "expires_on", nullable = false)
    private LocalDate expiresOn;

    protected DriverDocument() {
    }

    public DriverDocument(DocumentType type, String number, LocalDate expiresOn) {
        this.type = Objects.requireNonNull(type, "type");
        this.number = Objects.requireNonNull(number, "number").trim();
        this.expiresOn = Objects.requireNonNull(expiresOn, "expiresOn");
    }

    public boolean isValidOn(LocalDate day) {
        return !expiresOn.isBefore(day);
    }

    public DocumentType type() {
        return type;
    }

    public String number() {
        return number;
    }

    public LocalDate expiresOn() {
        return expiresOn;
    }
}
