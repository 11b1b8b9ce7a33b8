package com.delivery.user.app;

import com.delivery.user.domain.LoginThrottlePolicy;
import com.delivery.user.domain.LoginThrottlePolicy.History;
import java.util.Set;

/**
 * What the login throttle remembers (failure counters per account+address, per account, per address, and the
 * addresses each account logged in from), shared by every instance. {@link LoginThrottlePolicy} decides.
 * While that memory is unavailable logins are not throttled: an attempt then reads as if nothing were remembered,
 * its claims always succeed and what it records is lost (counted, logged; the Redis implementation says why).
 */
public interface LoginThrottle {

    /** One login attempt of {@code account} (a normalized e-mail) from {@code address}. */
    Attempt begin(String account, String address);

    interface Attempt extends AutoCloseable {

        /** The counters as last read (when the attempt began, or when it claimed). */
        History history();

        /**
         * Holds the named counters for this attempt alone (all or none) and reads the history again; false when
         * another attempt holds one of them. Claims end with {@link #failed()}, {@link #succeeded()} or
         * {@link #close()}, and expire by themselves should this process die.
         */
        boolean claim(Set<LoginThrottlePolicy.Scope> scopes);

        /** The password was wrong (or the account unknown): counts one failure in all three counters. */
        void failed();

        /** The password was right: forgets the pair's failures and remembers the address as known. */
        void succeeded();

        /** Releases what this attempt still holds. */
        @Override
        void close();
    }
}
