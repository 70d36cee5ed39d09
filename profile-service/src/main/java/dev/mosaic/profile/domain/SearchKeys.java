package dev.mosaic.profile.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.mosaic.identity.domain.NameKey;

/**
 * The keys a profile is searched by, folded in Java ({@link NameKey}: lower case, umlauts spelled out, accents
 * dropped) because the Elasticsearch core node has no folding analyzers; the same mapping then works on any cluster.
 */
public final class SearchKeys {

    private SearchKeys() {
    }

    /** Folded tokens of a text: "Jürgen Müller-Lüdenscheidt" gives juergen, mueller, luedenscheidt. */
    public static List<String> tokens(String text) {
        String folded = NameKey.fold(text);
        return folded == null ? List.of() : Arrays.stream(folded.split(" ")).filter(token -> !token.isEmpty()).toList();
    }

    /** Every name the profile is known by: its display name and every first and last name any of its records gave. */
    public static List<String> nameTokens(ProfileView profile) {
        Set<String> tokens = new LinkedHashSet<>(tokens(profile.displayName()));
        if (profile.golden() != null) {
            addValues(tokens, profile.golden().firstName());
            addValues(tokens, profile.golden().lastName());
        }
        for (ProfileView.SourceRecordView record : profile.sourceRecords()) {
            tokens.addAll(tokens(record.firstName()));
            tokens.addAll(tokens(record.lastName()));
        }
        return new ArrayList<>(tokens);
    }

    /** Every city of the profile, folded. */
    public static List<String> cityKeys(ProfileView profile) {
        Set<String> keys = new LinkedHashSet<>();
        profile.cities().stream().map(NameKey::fold).filter(key -> key != null).forEach(keys::add);
        if (profile.golden() != null && profile.golden().address() != null) {
            String city = NameKey.fold(profile.golden().address().city());
            if (city != null) {
                keys.add(city);
            }
        }
        return new ArrayList<>(keys);
    }

    private static void addValues(Set<String> tokens, GoldenRecord.GoldenValue value) {
        if (value != null) {
            value.values().forEach(candidate -> tokens.addAll(tokens(candidate.value())));
        }
    }
}
