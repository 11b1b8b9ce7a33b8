package com.delivery.vendor.domain;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * A delivery area as a GeoJSON polygon: rings of {@code [lng, lat]} positions, the first ring the outline, any
 * further ones holes. Checked before it reaches PostGIS: every ring closed with at least four positions,
 * coordinates on Earth, and a valid simple shape (no self-intersection).
 */
public final class ZonePolygon {

    private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

    private final List<List<double[]>> rings;
    private final Polygon polygon;

    private ZonePolygon(List<List<double[]>> rings, Polygon polygon) {
        this.rings = rings;
        this.polygon = polygon;
    }

    /** Validates GeoJSON polygon coordinates ({@code [ring][position][lng, lat]}). */
    public static ZonePolygon of(List<List<List<Double>>> coordinates) {
        if (coordinates == null || coordinates.isEmpty()) {
            throw invalid("A polygon needs at least its outer ring");
        }
        List<List<double[]>> rings = new ArrayList<>();
        List<LinearRing> jtsRings = new ArrayList<>();
        for (List<List<Double>> ring : coordinates) {
            if (ring == null || ring.size() < 4) {
                throw invalid("Every ring needs at least 4 positions (a triangle plus the closing position)");
            }
            List<double[]> positions = new ArrayList<>();
            Coordinate[] coords = new Coordinate[ring.size()];
            for (int i = 0; i < ring.size(); i++) {
                List<Double> p = ring.get(i);
                if (p == null || p.size() < 2 || p.get(0) == null || p.get(1) == null) {
                    throw invalid("Every position is [lng, lat]");
                }
                double lng = p.get(0);
                double lat = p.get(1);
                if (lng < -180 || lng > 180 || lat < -90 || lat > 90 || Double.isNaN(lng) || Double.isNaN(lat)) {
                    throw new InvalidInputException("coordinates-out-of-range", "area",
                            "Position [" + lng + ", " + lat + "] is not on Earth: lng must be within ±180, lat within ±90");
                }
                positions.add(new double[] {lng, lat});
                coords[i] = new Coordinate(lng, lat);
            }
            if (!coords[0].equals2D(coords[coords.length - 1])) {
                throw invalid("The ring is not closed: its last position must repeat the first");
            }
            rings.add(List.copyOf(positions));
            jtsRings.add(GEOMETRY.createLinearRing(coords));
        }
        Polygon polygon = GEOMETRY.createPolygon(jtsRings.getFirst(),
                jtsRings.subList(1, jtsRings.size()).toArray(LinearRing[]::new));
        TopologyValidationError error = new IsValidOp(polygon).getValidationError();
        if (error != null) {
            throw invalid("The polygon is not valid: " + error.getMessage().toLowerCase()
                    + " near [" + error.getCoordinate().x + ", " + error.getCoordinate().y + "]");
        }
        return new ZonePolygon(List.copyOf(rings), polygon);
    }

    /** From the WKT PostGIS gives back ({@code ST_AsText}). */
    public static ZonePolygon fromWkt(String wkt) {
        try {
            Polygon polygon = (Polygon) new WKTReader(GEOMETRY).read(wkt);
            List<List<double[]>> rings = new ArrayList<>();
            rings.add(positions(polygon.getExteriorRing().getCoordinates()));
            for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
                rings.add(positions(polygon.getInteriorRingN(i).getCoordinates()));
            }
            return new ZonePolygon(List.copyOf(rings), polygon);
        } catch (ParseException e) {
            throw new IllegalStateException("Stored zone is not a polygon: " + wkt, e);
        }
    }

    private static List<double[]> positions(Coordinate[] coordinates) {
        List<double[]> positions = new ArrayList<>();
        for (Coordinate c : coordinates) {
            positions.add(new double[] {c.x, c.y});
        }
        return List.copyOf(positions);
    }

    private static InvalidInputException invalid(String detail) {
        return new InvalidInputException("invalid-polygon", "area", detail);
    }

    public String toWkt() {
        return new WKTWriter().write(polygon);
    }

    public boolean contains(double lat, double lng) {
        return polygon.covers(GEOMETRY.createPoint(new Coordinate(lng, lat)));
    }

    /** GeoJSON coordinates, {@code [ring][position][lng, lat]}. */
    public List<List<List<Double>>> coordinates() {
        return rings.stream().map(r -> r.stream().map(p -> List.of(p[0], p[1])).toList()).toList();
    }
}
