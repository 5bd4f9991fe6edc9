package org.perfalert.pull;

import org.perfalert.ingest.FileResult;

import java.nio.file.Path;

/**
 * Loads one fetched file whole or not at all: {@code FileLoader::load}, or in the service the loader of the
 * configuration in force (it changes when config/ is reloaded).
 */
@FunctionalInterface
public interface PayloadLoader {
    FileResult load(Path file);
}
