package dev.mosaic.profile.domain;

import java.util.List;
import java.util.Locale;

/**
 * Which sources are trusted first when they disagree about a field: the earlier in the list, the more trusted.
 * A source that is not listed ranks after every listed one.
 */
public record SourcePriority(List<String> sources) {

    public static final SourcePriority DEFAULT =
            new SourcePriority(List.of("crm", "loyalty", "webshop", "pos", "helpdesk", "newsletter"));

    public SourcePriority {
        sources = sources.stream().map(source -> source.strip().toLowerCase(Locale.ROOT)).toList();
    }

    /** 0 for the most trusted source; the list's length for sources not in it. */
    public int rank(String source) {
        int index = sources.indexOf(source == null ? "" : source.strip().toLowerCase(Locale.ROOT));
        return index < 0 ? sources.size() : index;
    }
}
