package org.perfalert.routing;

import org.perfalert.config.Catalogue;
import org.perfalert.config.People;
import org.perfalert.config.Person;
import org.perfalert.config.RouteRule;
import org.perfalert.model.Metric;
import org.perfalert.model.PerformanceException;

import java.util.*;

/**
 * Who receives an exception (a pure function of the exception and the configuration):
 * <ol>
 *   <li>the holders of the metric's owner role (metrics.yaml {@code owner});</li>
 *   <li>the holders of the role of every extra route in people.yaml whose {@code match} keys
 *       (metric, theme, area, rule, direction) all equal the exception's (case-insensitive);</li>
 *   <li>when that finds nobody: the default route, i.e. the holders of the role named {@value #DEFAULT_ROLE}
 *       if people.yaml defines it, otherwise the analysts.</li>
 * </ol>
 * Each address appears once, in that order.
 */
public final class Router {
    public static final String DEFAULT_ROLE = "default";

    private final Catalogue catalogue;
    private final People people;

    public Router(Catalogue catalogue, People people) {
        this.catalogue = catalogue;
        this.people = people;
    }

    /** The people who receive this exception, each with the reason (role) they receive it. */
    public List<Recipient> recipients(PerformanceException e) {
        Map<String, Recipient> out = new LinkedHashMap<>();
        Optional<Metric> metric = catalogue.find(e.metric());
        metric.map(Metric::owner).ifPresent(owner -> addRole(out, owner, "owner of " + e.metric()));
        for (RouteRule r : people.routes())
            if (matches(r, e, metric)) addRole(out, r.role(), "route " + describe(r));
        if (out.isEmpty()) {
            if (people.roles().containsKey(DEFAULT_ROLE)) addRole(out, DEFAULT_ROLE, "default route");
            else people.analysts().forEach(a -> out.putIfAbsent(key(a), new Recipient(new Person(a, a), "analysts (default route)")));
        }
        return List.copyOf(out.values());
    }

    /** True when every key of the route's match equals the exception's value for it. */
    public static boolean matches(RouteRule r, PerformanceException e, Optional<Metric> metric) {
        for (Map.Entry<String, String> m : r.match().entrySet()) {
            String actual = switch (m.getKey()) {
                case "metric" -> e.metric();
                case "theme" -> metric.map(Metric::theme).orElse(null);
                case "area" -> e.area();
                case "rule" -> e.rule();
                case "direction" -> e.direction().id();
                default -> null; // unknown keys are rejected when the configuration is loaded
            };
            if (actual == null || !actual.equalsIgnoreCase(m.getValue())) return false;
        }
        return !r.match().isEmpty();
    }

    static String describe(RouteRule r) {
        StringJoiner j = new StringJoiner(", ", "{", "}");
        r.match().forEach((k, v) -> j.add(k + ": " + v));
        return j + " -> " + r.role();
    }

    private void addRole(Map<String, Recipient> out, String role, String why) {
        for (Person p : people.holders(role)) out.putIfAbsent(key(p.email()), new Recipient(p, why));
    }

    private static String key(String email) { return email.toLowerCase(Locale.ROOT); }

    /** A person who receives an exception and why. */
    public record Recipient(Person person, String reason) {
        public String email() { return person.email(); }
    }
}
