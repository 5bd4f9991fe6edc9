package org.perfalert.routing;

import org.junit.jupiter.api.Test;
import org.perfalert.config.People;
import org.perfalert.config.Person;
import org.perfalert.config.RouteRule;
import org.perfalert.model.Areas;

import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingCheckTest {
    static final Areas AREAS = new Areas("Cambridgeshire", Map.of("North", List.of("Fenland", "Peterborough")));

    @Test
    void soundRoutingHasNoProblems() {
        assertThat(RoutingCheck.problems(RouterTest.CATALOGUE, AREAS, RouterTest.people(false))).isEmpty();
    }

    @Test
    void unknownNamesEmptyRolesAndAMissingDefaultAreEachReported() {
        Map<String, List<Person>> roles = new LinkedHashMap<>();
        roles.put("burglary-lead", List.of());
        roles.put("demand-hub", List.of(new Person("Dee", "dee@example.org")));
        People people = new People(roles, List.of(
                new RouteRule(Map.of("area", "Fenlnd"), "demand-hub"),
                new RouteRule(Map.of("theme", "Demands"), "demand-hub"),
                new RouteRule(Map.of("metric", "burglary", "direction", "bad"), "demand-hub"),
                new RouteRule(Map.of(), "demand-hub")), List.of(), List.of());
        List<String> problems = RoutingCheck.problems(RouterTest.CATALOGUE, AREAS, people);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("route 1").contains("area \"Fenlnd\" is not known"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("route 2").contains("theme \"Demands\""));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("route 3").contains("direction \"bad\""));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("route 4").contains("empty match"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("\"burglary-lead\"").contains("has nobody in it"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("no default route"));
        assertThat(problems).hasSize(6);
    }
}
