package dev.mosaic.profile.adapter.in.web;

import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.mosaic.profile.domain.ProfileSearch;
import dev.mosaic.profile.domain.SearchQuery;
import dev.mosaic.profile.domain.segment.Condition;
import dev.mosaic.profile.domain.segment.Segments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

/** The search box: names with typos and as they are typed, identifiers, filtered by city, store and segment. */
@RestController
class ProfileSearchController {

    static final int MAX_SIZE = 100;
    /** Elasticsearch's default result window; deeper pages are refused rather than failing in the store. */
    static final int MAX_WINDOW = 10_000;

    private final ProfileSearch search;
    private final Segments segments;
    private final String defaultRegion;

    ProfileSearchController(ProfileSearch search, Segments segments,
                            @Value("${mosaic.import.default-region:DE}") String defaultRegion) {
        this.search = search;
        this.segments = segments;
        this.defaultRegion = defaultRegion;
    }

    @Audited("profile.search")
    @GetMapping("/api/v1/profiles/search")
    @Operation(summary = "Search profiles by name, email, phone or loyalty id, with filters",
            description = """
                    Names are compared token by token after folding (case, umlauts spelled out, accents dropped: \
                    'Müller', 'Mueller' and 'MULLER' meet): each typed token must match a name of the profile exactly, \
                    as a prefix ('Ann Sch' finds Anna Schmidt while typing) or with one typing error from 3 letters \
                    (a letter left out, added, replaced or two swapped; first letter right: 'Anna Shmidt' finds Anna \
                    Schmidt); two typing errors in a token of 6 letters or more only when nothing closer matched at \
                    all. Scores: exact 3, prefix 2, one error 1, two errors 0.5 per token. A text with an @ is also \
                    looked up as an email (whole or begun), one that reads as a phone number by its E.164 key, any \
                    text as a loyalty id. Filters narrow without ranking: city (folded like names), store (a store id \
                    the profile bought in), segment (a saved segment's id). Best match first; without text, by name.""")
    ProfileSearchResponse search(
            @Parameter(description = "What was typed", example = "Anna Shmidt") @RequestParam(defaultValue = "") String q,
            @Parameter(description = "Only profiles with this city", example = "Köln") @RequestParam(required = false) String city,
            @Parameter(description = "Only profiles that bought in this store", example = "BER-01")
            @RequestParam(required = false) String store,
            @Parameter(description = "Only members of this saved segment") @RequestParam(required = false) String segment,
            @Parameter(description = "0-based page") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "hits per page, 1.." + MAX_SIZE) @RequestParam(defaultValue = "20") int size) {
        checkPage(page, size);
        if (q.length() > 200) {
            throw new BadRequestException("q is at most 200 characters");
        }
        Optional<Condition> condition = segment == null || segment.isBlank() ? Optional.empty()
                : Optional.of(segments.find(segment.strip())
                .orElseThrow(() -> new BadRequestException("segment '" + segment + "' does not exist")).condition());
        SearchQuery query = SearchQuery.of(q, city, store, defaultRegion);
        return ProfileSearchResponse.of(search.search(query, condition, page, size), page, size);
    }

    static void checkPage(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new BadRequestException("page must be 0 or more and size 1.." + MAX_SIZE);
        }
        // In long before adding: page + 1 overflows an int at page 2147483647.
        if (((long) page + 1) * size > MAX_WINDOW) {
            throw new BadRequestException("pages reach at most " + MAX_WINDOW + " results deep; narrow the query, "
                    + "or export a segment");
        }
    }
}
