package com.delivery.order.api;

import com.delivery.kit.security.CurrentUser;
import com.delivery.order.domain.Actor;

final class Actors {

    private Actors() {
    }

    static Actor of(CurrentUser user) {
        return Actor.user(user.id(), user.roles());
    }
}
