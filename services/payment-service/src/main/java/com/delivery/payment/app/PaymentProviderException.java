package com.delivery.payment.app;

/**
 * The payment provider refused or could not be reached.
 *
 * @see #unavailable()
 */
public class PaymentProviderException extends RuntimeException {

    private final String code;
    private final boolean unavailable;

    public PaymentProviderException(String code, String message, boolean unavailable, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.unavailable = unavailable;
    }

    /** Stripe's error code ({@code card_declined}, {@code resource_missing}, ...) or ours. */
    public String code() {
        return code;
    }

    /** True when the provider could not answer (network, rate limit, outage): trying later may work. */
    public boolean unavailable() {
        return unavailable;
    }
}
