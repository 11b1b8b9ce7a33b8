package com.delivery.vendor.app;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the vendor service under {@code vendor.*}.
 *
 * @param cache how long vendor profiles and menus stay in Redis (every change evicts them at once anyway)
 * @param search the Elasticsearch indices
 */
@ConfigurationProperties("vendor")
public record VendorProperties(@DefaultValue Cache cache, @DefaultValue Search search) {

    public static final String PROFILES = "vendor-profiles";
    public static final String MENUS = "vendor-menus";

    public record Cache(@DefaultValue("1h") Duration profileTtl, @DefaultValue("10m") Duration menuTtl) {
    }

    public record Search(@DefaultValue("vendors") String vendorsIndex,
            @DefaultValue("menu_items") String menuItemsIndex) {
    }
}
