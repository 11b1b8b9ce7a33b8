package com.delivery.notification;

import com.delivery.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void layersAndServiceBoundariesHold() {
        ArchitectureRules.check("com.delivery.notification");
    }
}
