package com.delivery.user.app;

import com.delivery.user.domain.LoginThrottlePolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the user service under {@code user.*}.
 *
 * @param jwt signing key (PEM, PKCS#8) or, in the local and test profiles only, a generated key kept in a file
 * @param login login throttling: growing delays per account+address, and per account or address only where the
 *     address never logged into the account (see {@link LoginThrottlePolicy})
 * @param bootstrapAdmin the first admin, created at start-up when both values are set
 */
@ConfigurationProperties("user")
public record UserProperties(@DefaultValue Jwt jwt, @DefaultValue Login login, @DefaultValue BootstrapAdmin bootstrapAdmin) {

    public record Jwt(String privateKey, @DefaultValue(".infra/keys/user-service-jwt.pem") String generatedKeyFile,
            @DefaultValue("15m") Duration accessTokenTtl, @DefaultValue("30d") Duration refreshTokenTtl) {
    }

    /**
     * @param maxFailures failures of one account from one address before that address waits for that account
     * @param accountMaxFailures failures of one account from all addresses before addresses that never logged into
     *     it wait (addresses that did are never held up by this)
     * @param addressMaxFailures failures from one address over all accounts before it waits for accounts it never
     *     logged into (credential stuffing; high, as many people may share an address)
     * @param firstDelay the first wait once a counter is over its allowance; it doubles with every further failure
     * @param maxDelay the longest wait
     * @param failureWindow how long failures are remembered: per account+address and per account since the last
     *     failure, per address since the first of the window; longer than {@code maxDelay}
     * @param knownAddressTtl how long an address stays "known" for an account after a successful login from it
     */
    public record Login(@DefaultValue("5") int maxFailures, @DefaultValue("20") int accountMaxFailures,
            @DefaultValue("100") int addressMaxFailures, @DefaultValue("1s") Duration firstDelay,
            @DefaultValue("15m") Duration maxDelay, @DefaultValue("1h") Duration failureWindow,
            @DefaultValue("30d") Duration knownAddressTtl) {

        public Login {
            if (failureWindow.compareTo(maxDelay) <= 0) {
                throw new IllegalArgumentException("user.login.failure-window (" + failureWindow
                        + ") must be longer than user.login.max-delay (" + maxDelay + ")");
            }
        }

        public LoginThrottlePolicy policy() {
            return new LoginThrottlePolicy(maxFailures, accountMaxFailures, addressMaxFailures, firstDelay, maxDelay);
        }
    }

    public record BootstrapAdmin(String email, String password) {
    }
}
