package dev.mosaic.imports.adapter.in.mapping;

import dev.mosaic.imports.domain.mapping.ImportMapping;

/** The mappings shipped with Mosaic, for tests and benchmarks outside this package. */
public final class BundledMappings {

    private BundledMappings() {
    }

    public static ImportMapping named(String name) {
        return new YamlImportMappings(null).find(name).orElseThrow(() -> new IllegalArgumentException("no mapping " + name));
    }
}
