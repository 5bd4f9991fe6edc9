package org.perfalert.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfalert.config.Catalogue;
import org.perfalert.config.People;
import org.perfalert.config.Person;
import org.perfalert.config.RouteRule;
import org.perfalert.model.*;

import java.time.YearMonth;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

class RouterTest {
    static final Catalogue CATALOGUE = new Catalogue(List.of(
            new Metric("burglary", "Dwelling burglary", Unit.COUNT, Better.DOWN, "Offenders", "burglary-lead", null, null),
            new Metric("calls_999", "999 calls", Unit.COUNT, Better.NEUTRAL, "Demand", "demand-hub", null, null),
            new Metric("orphan", "A metric nobody owns", Unit.COUNT, Better.DOWN, "Other", null, null, null)));

    static People people(boolean withDefaultRole) {
        Map<String, List<Person>> roles = new LinkedHashMap<>();
        roles.put("burglary-lead", List.of(new Person("Bea", "bea@example.org")));
        roles.put("demand-hub", List.of(new Person("Dee", "dee@example.org"), new Person("Dan", "dan@example.org")));
        roles.put("north-commander", List.of(new Person("Nor", "nor@example.org")));
        roles.put("board-watch", List.of(new Person("Bob", "bob@example.org")));
        roles.put("good-news", List.of(new Person("Gus", "gus@example.org")));
        if (withDefaultRole) roles.put("default", List.of(new Person("Def", "def@example.org")));
        List<RouteRule> routes = List.of(
                new RouteRule(Map.of("area", "Fenland"), "north-commander"),
                new RouteRule(Map.of("theme", "Demand", "rule", "twelve-month-high"), "board-watch"),
                new RouteRule(Map.of("direction", "improvement"), "good-news"),
                new RouteRule(Map.of("metric", "burglary", "area", "Fenland"), "burglary-lead")); // already owner: once only
        return new People(roles, routes, List.of("board@example.org"), List.of("analysts@example.org"));
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} -> {5}")
    @CsvSource({
            // metric,  area,          rule,              direction,   default role, recipients
            "burglary,  Peterborough,  twelve-month-high, concern,     false, bea@example.org",
            "burglary,  Fenland,       twelve-month-high, concern,     false, bea@example.org nor@example.org",
            "burglary,  fenland,       twelve-month-low,  improvement, false, bea@example.org nor@example.org gus@example.org",
            "calls_999, Cambridge,     twelve-month-high, neutral,     false, dee@example.org dan@example.org bob@example.org",
            "calls_999, Cambridge,     twelve-month-low,  neutral,     false, dee@example.org dan@example.org",
            "orphan,    Cambridge,     twelve-month-high, concern,     false, analysts@example.org",
            "orphan,    Cambridge,     twelve-month-high, concern,     true,  def@example.org",
            "unknown,   Cambridge,     twelve-month-high, concern,     true,  def@example.org",
            "orphan,    Fenland,       twelve-month-high, concern,     true,  nor@example.org",   // a route found someone
    })
    void whoReceivesWhat(String metric, String area, String rule, String direction, boolean defaultRole, String expected) {
        PerformanceException e = new PerformanceException(rule, metric, AreaType.DISTRICT, area, YearMonth.of(2025, 3),
                Severity.HIGH, Direction.parse(direction), "h", Map.of("value", 1.0));
        List<String> got = new Router(CATALOGUE, people(defaultRole)).recipients(e).stream().map(Router.Recipient::email).toList();
        assertThat(got).containsExactly(expected.split(" "));
    }

    @Test
    void nobodyWithoutPeopleYaml() {
        PerformanceException e = new PerformanceException("r", "burglary", AreaType.FORCE, "F", YearMonth.of(2025, 3),
                Severity.HIGH, Direction.CONCERN, "h", Map.of("value", 1.0));
        assertThat(new Router(CATALOGUE, People.none()).recipients(e)).isEmpty();
    }
}
