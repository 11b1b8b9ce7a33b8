package com.delivery.tracking.api;

import com.delivery.kit.security.CurrentUser;
import com.delivery.kit.security.Role;
import com.delivery.tracking.app.Viewer;
import java.util.stream.Collectors;

final class Viewers {

    private Viewers() {
    }

    static Viewer of(CurrentUser user) {
        return new Viewer(user.id(), user.roles().stream().map(Role::name).collect(Collectors.toSet()));
    }
}
