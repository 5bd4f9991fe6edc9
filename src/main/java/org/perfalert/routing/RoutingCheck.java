package org.perfalert.routing;

import org.perfalert.config.Catalogue;
import org.perfalert.config.People;
import org.perfalert.config.RouteRule;
import org.perfalert.model.Areas;
import org.perfalert.model.Direction;
import org.perfalert.model.Metric;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks the routing configuration at start: every route's match names a known metric, theme, area or
 * direction, and every role that exceptions go to has someone in it. (Unknown match keys, unknown roles and
 * bad addresses are already refused by the configuration loader.)
 */
public final class RoutingCheck {
    private RoutingCheck() { }

    /** Problems that would make exceptions go nowhere or to the wrong place; empty when routing is sound. */
    public static List<String> problems(Catalogue catalogue, Areas areas, People people) {
        List<String> problems = new ArrayList<>();
        if (people.roles().isEmpty()) return problems; // no people.yaml: nobody to notify, by contract
        int i = 0;
        for (RouteRule r : people.routes()) {
            i++;
            String where = "people.yaml: route " + i + " " + Router.describe(r);
            r.match().forEach((k, v) -> {
                boolean known = switch (k) {
                    case "metric" -> catalogue.contains(v);
                    case "theme" -> catalogue.themes().stream().anyMatch(t -> t.equalsIgnoreCase(v));
                    case "area" -> areas.typeOf(v).isPresent();
                    case "direction" -> List.of(Direction.values()).stream().anyMatch(d -> d.id().equalsIgnoreCase(v));
                    default -> true; // rule ids live in the rule files, checked by "rules check"
                };
                if (!known) problems.add(where + ": " + k + " \"" + v + "\" is not known (check metrics.yaml / areas.yaml;"
                        + " direction is concern, improvement or neutral)");
            });
            if (r.match().isEmpty()) problems.add(where + ": empty match (give at least one of metric, theme, area, rule, direction)");
            if (r.role() != null && people.holders(r.role()).isEmpty())
                problems.add(where + ": role \"" + r.role() + "\" has nobody in it (add a person under roles:)");
        }
        for (Metric m : catalogue.all())
            if (m.owner() != null && people.roles().containsKey(m.owner()) && people.holders(m.owner()).isEmpty())
                problems.add("people.yaml: role \"" + m.owner() + "\" (owner of metric \"" + m.id()
                        + "\") has nobody in it (add a person under roles:)");
        boolean hasDefault = !people.holders(Router.DEFAULT_ROLE).isEmpty() || !people.analysts().isEmpty();
        if (!hasDefault)
            problems.add("people.yaml: no default route: add a role \"" + Router.DEFAULT_ROLE
                    + "\" or a list of analysts, so exceptions of metrics without an owner reach someone");
        return problems;
    }
}
