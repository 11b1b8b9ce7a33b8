package com.delivery.order.app;

import com.delivery.kit.web.ApiException;
import com.delivery.order.domain.Region;
import com.delivery.order.domain.Regions;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The admins' named regions for the analytics. */
@Service
public class RegionAdministration {

    private final Regions regions;
    private final Clock clock;

    RegionAdministration(Regions regions, Clock clock) {
        this.regions = regions;
        this.clock = clock;
    }

    /** 400 for an outline that is no valid polygon, 409 when the name is taken (ignoring case). */
    @Transactional
    public Region add(String name, List<Region.Point> outline) {
        Region region;
        try {
            region = Region.draw(name, outline, clock.instant());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid-region", e.getMessage());
        }
        try {
            return regions.add(region);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid-region", e.getMessage());
        } catch (DataIntegrityViolationException e) {
            throw ApiException.conflict("region-exists", "A region named '" + region.name() + "' exists already");
        }
    }

    @Transactional(readOnly = true)
    public List<Region> all() {
        return regions.all();
    }

    @Transactional(readOnly = true)
    public Region get(UUID id) {
        return regions.find(id).orElseThrow(() -> ApiException.notFound("Region", id));
    }

    @Transactional
    public void remove(UUID id) {
        if (!regions.remove(id)) {
            throw ApiException.notFound("Region", id);
        }
    }
}
