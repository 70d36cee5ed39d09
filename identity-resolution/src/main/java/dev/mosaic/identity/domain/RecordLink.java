package dev.mosaic.identity.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.mosaic.identity.domain.matching.FieldContribution;
import dev.mosaic.identity.domain.matching.ScoredPair;

/**
 * An accepted match between two records: the rule that made it ({@code exact_email}, {@code probabilistic},
 * {@code steward_merge}), its match probability, a one-line evidence text and each field's contribution.
 * <p>
 * The evidence of a link made by matching says nothing its rule and fields do not, so such a link is made without one
 * and derives it when asked; only a note that says more (who merged by hand, in which decision) is given and stored.
 */
public record RecordLink(SourceRecordKey from, SourceRecordKey to, String rule, double score, String evidence,
                         List<FieldContribution> contributions) {

    public RecordLink {
        contributions = contributions == null ? List.of() : List.copyOf(contributions);
        evidence = evidence == null || evidence.isBlank() ? null : evidence;
    }

    /** The note given with the link, or else the one its rule and fields make. */
    @Override
    public String evidence() {
        return evidence != null ? evidence : describe(rule, contributions);
    }

    /** The evidence worth storing with the link: only a note given with it, never the derived one. */
    public String evidenceToStore() {
        return evidence;
    }

    /**
     * The one-line evidence of a link made by matching: the identifier an exact rule found equal, or the fields
     * that agreed and disagreed, strongest first ({@code agree: last_name exact +8.1, postal_code exact +6.0;
     * against: birth_date different -4.2}).
     */
    public static String describe(String rule, List<FieldContribution> contributions) {
        if (rule.startsWith("exact_")) {
            return rule.substring("exact_".length()) + " equal after normalisation, names compatible";
        }
        if (rule.equals(ScoredPair.STEWARD_MERGE)) {
            return "merged by a steward";
        }
        String agree = contributions.stream().filter(field -> field.weight() > 0)
                .sorted(Comparator.comparingDouble(FieldContribution::weight).reversed())
                .map(RecordLink::describe).collect(Collectors.joining(", "));
        String against = contributions.stream().filter(field -> field.weight() < 0)
                .sorted(Comparator.comparingDouble(FieldContribution::weight))
                .map(RecordLink::describe).collect(Collectors.joining(", "));
        if (agree.isEmpty() && against.isEmpty()) {
            return rule;
        }
        return (agree.isEmpty() ? "" : "agree: " + agree) + (agree.isEmpty() || against.isEmpty() ? "" : "; ")
                + (against.isEmpty() ? "" : "against: " + against);
    }

    private static String describe(FieldContribution field) {
        return field.field() + ' ' + field.level() + ' ' + String.format(Locale.ROOT, "%+.1f", field.weight());
    }
}
