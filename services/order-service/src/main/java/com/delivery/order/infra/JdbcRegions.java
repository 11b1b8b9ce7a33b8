package com.delivery.order.infra;

import com.delivery.order.domain.Region;
import com.delivery.order.domain.Regions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Named regions in the {@code regions} table, as PostGIS polygons (SRID 4326, x = longitude, y = latitude). */
@Component
class JdbcRegions implements Regions {

    private static final String COLUMNS = "id, name, ST_AsGeoJSON(boundary, 15) AS outline, created_at";

    private final NamedParameterJdbcTemplate jdbc;
    private final JsonMapper json;

    JdbcRegions(NamedParameterJdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Region add(Region region) {
        String wkt = region.boundary().stream()
                .map(p -> String.format(Locale.ROOT, "%s %s", Double.toString(p.lng()), Double.toString(p.lat())))
                .collect(Collectors.joining(", ", "POLYGON((", "))"));
        String validity = jdbc.queryForObject("SELECT ST_IsValidReason(ST_GeomFromText(:wkt, 4326))",
                Map.of("wkt", wkt), String.class);
        if (!"Valid Geometry".equals(validity)) {
            throw new IllegalArgumentException("The outline is not a valid polygon: " + validity);
        }
        jdbc.update("INSERT INTO regions (id, name, boundary, created_at) "
                        + "VALUES (:id, :name, ST_GeomFromText(:wkt, 4326), :createdAt)",
                Map.of("id", region.id(), "name", region.name(), "wkt", wkt,
                        "createdAt", OffsetDateTime.ofInstant(region.createdAt(), ZoneOffset.UTC)));
        return find(region.id()).orElseThrow();
    }

    @Override
    public List<Region> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM regions ORDER BY lower(name)", Map.of(), this::region);
    }

    @Override
    public Optional<Region> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM regions WHERE id = :id", Map.of("id", id), this::region)
                .stream().findFirst();
    }

    @Override
    public boolean remove(UUID id) {
        return jdbc.update("DELETE FROM regions WHERE id = :id", Map.of("id", id)) > 0;
    }

    private Region region(ResultSet rs, int row) throws SQLException {
        JsonNode ring = json.readTree(rs.getString("outline")).path("coordinates").path(0);
        List<Region.Point> points = new ArrayList<>();
        for (JsonNode position : ring) {
            points.add(new Region.Point(position.path(1).asDouble(), position.path(0).asDouble()));
        }
        Instant createdAt = rs.getObject("created_at", OffsetDateTime.class).toInstant();
        return new Region(rs.getObject("id", UUID.class), rs.getString("name"), points, createdAt);
    }
}
