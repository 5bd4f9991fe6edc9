package org.perfalert.config;

import java.util.*;

/** Roles and the people who hold them, extra routes, digest recipients and analysts. */
public record People(Map<String, List<Person>> roles, List<RouteRule> routes,
                     List<String> digestTo, List<String> analysts) {

    public static People none() { return new People(Map.of(), List.of(), List.of(), List.of()); }

    public List<Person> holders(String role) { return roles.getOrDefault(role, List.of()); }
}
