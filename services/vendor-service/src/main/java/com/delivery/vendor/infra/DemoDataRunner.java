package com.delivery.vendor.infra;

import com.delivery.vendor.app.DemoCity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The demo data command: start the service with {@code --vendor.demo.vendors=200} (and optionally
 * {@code --vendor.demo.items-per-vendor=25 --vendor.demo.seed=42}) to load a demo Berlin once; the service then
 * runs as usual.
 */
@Component
class DemoDataRunner implements ApplicationRunner {

    private final DemoCity city;
    private final int vendors;
    private final int itemsPerVendor;
    private final long seed;

    DemoDataRunner(DemoCity city, @Value("${vendor.demo.vendors:0}") int vendors,
            @Value("${vendor.demo.items-per-vendor:25}") int itemsPerVendor, @Value("${vendor.demo.seed:42}") long seed) {
        this.city = city;
        this.vendors = vendors;
        this.itemsPerVendor = itemsPerVendor;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (vendors > 0) {
            city.load(vendors, itemsPerVendor, seed);
        }
    }
}
