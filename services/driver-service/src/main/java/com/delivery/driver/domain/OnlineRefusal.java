package com.delivery.driver.domain;

/**
 * Why a driver may not go online (or be approved) right now.
 *
 * @param code   machine-readable: {@code not-approved}, {@code documents-missing}, {@code documents-expired}
 * @param reason for the driver, naming what to fix
 */
public record OnlineRefusal(String code, String reason) {
}
