package org.perfalert.pull;

import java.nio.file.Path;
import java.util.List;

/** Fetches one kind of source's payload into files the loader reads, one file per batch. */
public interface Fetcher {
    /**
     * @param staging an empty folder of the source's own for the files written
     * @return the files to load, in order; throws when the source cannot give a payload
     */
    List<Path> fetch(Source source, PullWindow window, Path staging) throws PullFailure;
}
