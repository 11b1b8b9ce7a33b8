package com.delivery.driver.domain;

/** The documents the background check looks at; a driver needs a valid one of each to go online. */
public enum DocumentType {
    LICENCE, INSURANCE, IDENTITY
}
