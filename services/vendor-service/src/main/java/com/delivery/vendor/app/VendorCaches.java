package com.delivery.vendor.app;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Evicts cached profiles and menus of a changed vendor: at once, and again right after the commit, so a reader that
 * loaded the old state while the change was in flight cannot leave it cached.
 */
@Component
public class VendorCaches {

    private static final Logger log = LoggerFactory.getLogger(VendorCaches.class);

    private final CacheManager caches;

    VendorCaches(CacheManager caches) {
        this.caches = caches;
    }

    public void evictProfile(UUID vendorId) {
        evict(VendorProperties.PROFILES, vendorId);
    }

    public void evictMenu(UUID vendorId) {
        evict(VendorProperties.MENUS, vendorId);
    }

    public void evictAll(UUID vendorId) {
        evictProfile(vendorId);
        evictMenu(vendorId);
    }

    private void evict(String name, UUID vendorId) {
        evictNow(name, vendorId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    evictNow(name, vendorId);
                }
            });
        }
    }

    private void evictNow(String name, UUID vendorId) {
        try {
            Cache cache = caches.getCache(name);
            if (cache != null) {
                cache.evict(vendorId);
            }
        } catch (RuntimeException e) {
            log.error("Could not evict {} of vendor {}: {}", name, vendorId, e.toString());
        }
    }
}
