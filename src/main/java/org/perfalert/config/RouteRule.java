package org.perfalert.config;

import java.util.Map;

/**
 * An extra route from people.yaml: exceptions matching every key of match
 * (metric, theme, area, rule or direction) also go to role.
 */
public record RouteRule(Map<String, String> match, String role) { }
