package org.perfalert.config;

/** Someone who holds a role (config/people.yaml). */
public record Person(String name, String email) { }
