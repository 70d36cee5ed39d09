package dev.mosaic.profile.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.Touchpoint;
import dev.mosaic.profile.domain.GoldenRecord.CandidateAddress;
import dev.mosaic.profile.domain.GoldenRecord.CandidateValue;
import dev.mosaic.profile.domain.GoldenRecord.Consent;
import dev.mosaic.profile.domain.GoldenRecord.Decision;
import dev.mosaic.profile.domain.GoldenRecord.GoldenAddress;
import dev.mosaic.profile.domain.GoldenRecord.GoldenValue;

/**
 * Chooses each field of the golden record from the values the records of one person offer: the value from the most
 * trusted source wins ({@link SourcePriority}); among equally trusted ones the most recently seen (the record's
 * {@code created_at} or {@code occurred_at}); then the one most records offer; then the alphabetically first, so the
 * choice never depends on the order of the records. Values are compared ignoring case and surrounding spaces.
 * <p>
 * Consent is not a matter of trust but of time: the latest statement per channel wins (a {@code consent_email} or
 * {@code consent_sms} column of a customer record, or an {@code unsubscribed} campaign response on that channel),
 * and only between statements of the same time does source priority decide.
 */
public final class Survivorship {

    private static final Comparator<Instant> LATEST_FIRST = Comparator.nullsLast(Comparator.reverseOrder());

    private final SourcePriority priority;

    public Survivorship(SourcePriority priority) {
        this.priority = Objects.requireNonNull(priority, "priority");
    }

    public GoldenRecord goldenRecord(List<SourceRecord> records) {
        return new GoldenRecord(
                choose(records, SourceRecord::firstName),
                choose(records, SourceRecord::lastName),
                choose(records, record -> record.email() == null ? null : record.email().value()),
                choose(records, record -> record.phone() == null ? null : record.phone().toString()),
                choose(records, record -> record.birthDate() == null ? null : record.birthDate().toString()),
                address(records),
                choose(records, SourceRecord::country),
                choose(records, SourceRecord::loyaltyId),
                consent(records, "consent_email", "email"),
                consent(records, "consent_sms", "sms"));
    }

    GoldenValue choose(List<SourceRecord> records, Function<SourceRecord, String> field) {
        Optional<Ranking<String>> ranking = rank(records, record -> blankToNull(field.apply(record)),
                value -> value.strip().toLowerCase(Locale.ROOT));
        return ranking.map(ranked -> new GoldenValue(ranked.winner().value(), ranked.winner().best().key().source(),
                        ranked.winner().best().key().recordId(), ranked.decision(),
                        ranked.candidates().stream().map(candidate -> new CandidateValue(candidate.value(),
                                candidate.recordKeys(), candidate.lastSeen(), candidate.occurrences())).toList()))
                .orElseGet(GoldenValue::none);
    }

    private GoldenAddress address(List<SourceRecord> records) {
        Optional<Ranking<Address>> ranking = rank(records, Address::of, Address::matchKey);
        return ranking.map(ranked -> {
            Address winner = ranked.winner().value();
            return new GoldenAddress(winner.street(), winner.postalCode(), winner.city(),
                    ranked.winner().best().key().source(), ranked.winner().best().key().recordId(), ranked.decision(),
                    ranked.candidates().stream().map(candidate -> new CandidateAddress(candidate.value().street(),
                            candidate.value().postalCode(), candidate.value().city(), candidate.recordKeys(),
                            candidate.lastSeen(), candidate.occurrences())).toList());
        }).orElseGet(GoldenAddress::none);
    }

    private Consent consent(List<SourceRecord> records, String column, String channel) {
        record Statement(SourceRecord record, boolean granted, String statedBy) {
        }
        List<Statement> statements = new ArrayList<>();
        for (SourceRecord record : records) {
            Boolean flag = flag(record.attributes().get(column));
            if (flag != null) {
                statements.add(new Statement(record, flag, column + "=" + flag));
            }
            if (record.touchpoint() instanceof Touchpoint.CampaignResponse response
                    && "unsubscribed".equals(response.event()) && channel.equals(response.channel())) {
                statements.add(new Statement(record, false, "unsubscribed from campaign " + response.campaignId()));
            }
        }
        return statements.stream()
                .min(Comparator.comparing((Statement statement) -> statement.record().occurredAt(), LATEST_FIRST)
                        .thenComparing(statement -> priority.rank(statement.record().key().source()))
                        .thenComparing(statement -> statement.record().key().toString()))
                .map(statement -> new Consent(statement.granted(), statement.record().key().source(),
                        statement.record().key().recordId(), statement.record().occurredAt(), statement.statedBy()))
                .orElseGet(Consent::unknown);
    }

    /** The same words the importer accepts for a yes/no column. */
    static Boolean flag(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> true;
            case "false", "no", "n", "0" -> false;
            default -> null;
        };
    }

    private <T> Optional<Ranking<T>> rank(List<SourceRecord> records, Function<SourceRecord, T> value,
                                          Function<T, String> matchKey) {
        Map<String, List<SourceRecord>> recordsByKey = new LinkedHashMap<>();
        Map<String, T> valueByKey = new LinkedHashMap<>();
        Comparator<SourceRecord> bestRecordFirst = Comparator
                .comparing((SourceRecord record) -> priority.rank(record.key().source()))
                .thenComparing(SourceRecord::occurredAt, LATEST_FIRST)
                .thenComparing(record -> record.key().toString());
        for (SourceRecord record : records.stream().sorted(bestRecordFirst).toList()) {
            T offered = value.apply(record);
            if (offered == null) {
                continue;
            }
            String key = matchKey.apply(offered);
            // The spelling of the value is the one of its best record.
            valueByKey.putIfAbsent(key, offered);
            recordsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
        }
        if (recordsByKey.isEmpty()) {
            return Optional.empty();
        }
        List<Candidate<T>> candidates = new ArrayList<>();
        recordsByKey.forEach((key, offering) -> {
            int rank = priority.rank(offering.getFirst().key().source());
            // Recency and frequency count within the value's most trusted source only: otherwise a less trusted
            // source, seen later or more often, would decide between two values of the most trusted one.
            List<SourceRecord> trusted = offering.stream()
                    .filter(record -> priority.rank(record.key().source()) == rank).toList();
            candidates.add(new Candidate<>(key, valueByKey.get(key), offering, rank,
                    trusted.stream().map(SourceRecord::occurredAt).filter(Objects::nonNull)
                            .max(Comparator.naturalOrder()).orElse(null),
                    trusted.size()));
        });
        Comparator<Candidate<T>> bestFirst = Comparator.<Candidate<T>>comparingInt(Candidate::rank)
                .thenComparing(Candidate::lastSeen, LATEST_FIRST)
                .thenComparing(candidate -> -candidate.occurrences())
                .thenComparing(Candidate::matchKey);
        candidates.sort(bestFirst);
        return Optional.of(new Ranking<>(candidates, decision(candidates)));
    }

    private static <T> Decision decision(List<Candidate<T>> candidates) {
        if (candidates.size() == 1) {
            return Decision.ONLY_VALUE;
        }
        Candidate<T> first = candidates.get(0);
        Candidate<T> second = candidates.get(1);
        if (first.rank() != second.rank()) {
            return Decision.SOURCE_PRIORITY;
        }
        if (!Objects.equals(first.lastSeen(), second.lastSeen())) {
            return Decision.MOST_RECENT;
        }
        if (first.occurrences() != second.occurrences()) {
            return Decision.MOST_FREQUENT;
        }
        return Decision.TIE;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * A value with the records offering it, best record first.
     *
     * @param rank the rank of the most trusted source offering it
     * @param lastSeen the latest time of its records from that source
     * @param occurrences how many of its records come from that source
     */
    private record Candidate<T>(String matchKey, T value, List<SourceRecord> records, int rank, Instant lastSeen,
                                int occurrences) {

        SourceRecord best() {
            return records.getFirst();
        }

        List<String> recordKeys() {
            return records.stream().map(record -> record.key().toString()).toList();
        }
    }

    private record Ranking<T>(List<Candidate<T>> candidates, Decision decision) {

        Candidate<T> winner() {
            return candidates.getFirst();
        }
    }

    private record Address(String street, String postalCode, String city) {

        static Address of(SourceRecord record) {
            String street = blankToNull(record.attributes().get("street"));
            String postalCode = blankToNull(record.postalCode());
            String city = blankToNull(record.city());
            return street == null && postalCode == null && city == null ? null : new Address(street, postalCode, city);
        }

        String matchKey() {
            return (part(street) + "|" + part(postalCode) + "|" + part(city)).toLowerCase(Locale.ROOT);
        }

        private static String part(String value) {
            return value == null ? "" : value.replaceAll("\\s+", " ");
        }
    }
}
