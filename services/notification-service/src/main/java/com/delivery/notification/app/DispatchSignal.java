package com.delivery.notification.app;

/** Tells the dispatcher that new messages are waiting, so it need not wait for its next poll. */
public interface DispatchSignal {

    void wake();
}
