package org.perfalert.config;

import org.perfalert.model.Areas;

import java.nio.file.Path;

/** Everything read from a configuration folder. */
public record Configuration(Path dir, Catalogue catalogue, Areas areas, People people, Settings settings) { }
