package com.delivery.order.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The named regions store. */
public interface Regions {

    /**
     * Stores a new region.
     *
     * @throws IllegalArgumentException the outline is not a valid polygon (e.g. it crosses itself)
     * A region of the same name (ignoring case) breaks the store's uniqueness rule (a duplicate-key failure).
     */
    Region add(Region region);

    List<Region> all();

    Optional<Region> find(UUID id);

    /** Returns whether it existed. */
    boolean remove(UUID id);
}
