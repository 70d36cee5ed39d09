package dev.mosaic.imports.domain.mapping;

import java.util.List;
import java.util.Optional;

/** The named mappings an import can be asked to use, e.g. {@code POST /api/v1/imports?type=customers&mapping=febrl}. */
public interface ImportMappings {

    /**
     * @throws InvalidMappingException when a mapping of that name exists but cannot be used; the message names the
     *                                 file and the problem
     */
    Optional<ImportMapping> find(String name);

    /** Where the named mapping is read from (its file, or the resource bundled with Mosaic), for messages. */
    Optional<String> location(String name);

    /** The names of the available mappings, sorted. */
    List<String> names();
}
