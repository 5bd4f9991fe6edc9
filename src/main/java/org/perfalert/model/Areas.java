package org.perfalert.model;

import java.util.*;

/** The force, its policing areas and their districts (config/areas.yaml). */
public final class Areas {
    private final String force;
    private final LinkedHashMap<String, List<String>> districtsByArea;
    private final Map<String, String> areaOfDistrict = new HashMap<>();

    public Areas(String force, Map<String, List<String>> districtsByArea) {
        this.force = force;
        this.districtsByArea = new LinkedHashMap<>();
        districtsByArea.forEach((a, ds) -> {
            this.districtsByArea.put(a, List.copyOf(ds));
            ds.forEach(d -> areaOfDistrict.put(d, a));
        });
    }

    public String force() { return force; }

    public Area forceArea() { return new Area(AreaType.FORCE, force); }

    public List<String> areaNames() { return List.copyOf(districtsByArea.keySet()); }

    public List<String> districtsOf(String area) { return districtsByArea.getOrDefault(area, List.of()); }

    /** Every configured district, in configuration order. */
    public List<String> districts() {
        List<String> all = new ArrayList<>();
        districtsByArea.values().forEach(all::addAll);
        return all;
    }

    public Optional<String> areaOf(String district) { return Optional.ofNullable(areaOfDistrict.get(district)); }

    /** The type of a configured name, or empty when the name is unknown. */
    public Optional<AreaType> typeOf(String name) {
        if (force.equals(name)) return Optional.of(AreaType.FORCE);
        if (districtsByArea.containsKey(name)) return Optional.of(AreaType.AREA);
        if (areaOfDistrict.containsKey(name)) return Optional.of(AreaType.DISTRICT);
        return Optional.empty();
    }

    /** True when name is configured with that type. */
    public boolean contains(AreaType type, String name) {
        return typeOf(name).map(t -> t == type).orElse(false);
    }

    /** Every configured area: force first, then areas, then districts. */
    public List<Area> all() {
        List<Area> out = new ArrayList<>();
        out.add(forceArea());
        districtsByArea.keySet().forEach(a -> out.add(new Area(AreaType.AREA, a)));
        districts().forEach(d -> out.add(new Area(AreaType.DISTRICT, d)));
        return out;
    }

    /** The districts that make up an area or the force (empty for a district). */
    public List<String> districtsUnder(Area a) {
        return switch (a.type()) {
            case FORCE -> districts();
            case AREA -> districtsOf(a.name());
            case DISTRICT -> List.of();
        };
    }
}
