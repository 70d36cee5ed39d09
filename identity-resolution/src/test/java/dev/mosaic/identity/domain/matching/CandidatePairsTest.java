package dev.mosaic.identity.domain.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import dev.mosaic.identity.domain.EmailAddress;
import dev.mosaic.identity.domain.RecordKind;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.SourceRecordKey;

class CandidatePairsTest {

    @Test
    void aFocusKeepsExactlyThePairsThatInvolveAFocusRecord() {
        List<MatchRecord> records = records(600, new Random(7));
        for (int focus : new int[] {0, 1, 50, 300, 600}) {
            Set<Long> all = pairs(new CandidatePairs(records, BlockingRule.candidateRules(), 40));
            Set<Long> focused = pairs(new CandidatePairs(records, BlockingRule.candidateRules(), 40, focus));

            assertThat(focused).as("focus %d", focus)
                    .containsExactlyInAnyOrderElementsOf(all.stream().filter(pair -> pair >> 32 < focus).toList());
        }
        assertThat(pairs(new CandidatePairs(records, BlockingRule.candidateRules(), 40))).hasSizeGreaterThan(100);
    }

    @Test
    void aBlockOverTheCapIsSkippedWithOrWithoutAFocus() {
        List<MatchRecord> records = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            records.add(MatchRecord.of(person(i, "Anna", "Müller", "1980-01-01", "10115", null)));
        }
        assertThat(pairs(new CandidatePairs(records, BlockingRule.candidateRules(), 10, 2))).isEmpty();
        assertThat(pairs(new CandidatePairs(records, BlockingRule.candidateRules(), 12, 2))).hasSize(2 * 11 - 1);
    }

    private static Set<Long> pairs(CandidatePairs candidates) {
        Set<Long> pairs = ConcurrentHashMap.newKeySet();
        candidates.forEach((first, second) -> assertThat(pairs.add(((long) first << 32) | second)).isTrue());
        return pairs;
    }

    private static List<MatchRecord> records(int count, Random random) {
        String[] first = {"Anna", "Jürgen", "Maria", "Thomas", "Klara", "Peter", "Ida"};
        String[] last = {"Müller", "Schmidt", "Berger", "Kern", "Lang", "Weber"};
        String[] postal = {"10115", "80331", "20095", "01067"};
        List<MatchRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(MatchRecord.of(person(i, first[random.nextInt(first.length)], last[random.nextInt(last.length)],
                    "19" + (60 + random.nextInt(30)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10),
                    postal[random.nextInt(postal.length)],
                    random.nextInt(3) == 0 ? "p" + random.nextInt(count / 4) + "@mail.example" : null)));
        }
        return records;
    }

    private static SourceRecord person(int id, String first, String last, String birthDate, String postalCode,
                                       String email) {
        return new SourceRecord(new SourceRecordKey("crm", String.valueOf(id)), RecordKind.CUSTOMER, first, last,
                email == null ? null : new EmailAddress(email), null, LocalDate.parse(birthDate), null, postalCode, "DE",
                null, null, null, null, null, null);
    }
}
