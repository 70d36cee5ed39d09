package dev.mosaic.profile.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.Touchpoint;

/** Net Promoter Score: answers 0-10 to "how likely are you to recommend us?". */
public final class NetPromoterScore {

    private NetPromoterScore() {
    }

    public enum Category {
        /** 9 or 10 */
        PROMOTER,
        /** 7 or 8 */
        PASSIVE,
        /** 0 to 6 */
        DETRACTOR;

        public static Category of(int answer) {
            if (answer < 0 || answer > 10) {
                throw new IllegalArgumentException("an NPS answer is 0..10, not " + answer);
            }
            return answer >= 9 ? PROMOTER : answer >= 7 ? PASSIVE : DETRACTOR;
        }
    }

    /**
     * A person's NPS answer: their latest one stands for them.
     *
     * @param channel the survey's channel (email, sms, push, social); null when not known
     * @param store the store the answer is about (the response's {@code store_id}); null when not known
     */
    public record Answer(int score, Category category, Instant answeredAt, String source, String recordId,
                         String campaignId, String channel, String store) {
    }

    /** % promoters - % detractors over a set of answers (-100..100, 1 decimal); empty without answers. */
    public static Optional<Double> of(Collection<Integer> answers) {
        if (answers.isEmpty()) {
            return Optional.empty();
        }
        long promoters = answers.stream().filter(answer -> Category.of(answer) == Category.PROMOTER).count();
        long detractors = answers.stream().filter(answer -> Category.of(answer) == Category.DETRACTOR).count();
        return Optional.of(Scores.round1(100.0 * (promoters - detractors) / answers.size()));
    }

    /** The latest NPS answer among the campaign responses; the earliest record key first among equal times. */
    public static Optional<Answer> latest(List<SourceRecord> records) {
        return records.stream()
                .filter(record -> record.touchpoint() instanceof Touchpoint.CampaignResponse response
                        && response.nps() != null)
                .max(Comparator.comparing(SourceRecord::occurredAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(record -> record.key().toString(), Comparator.reverseOrder()))
                .map(record -> {
                    Touchpoint.CampaignResponse response = (Touchpoint.CampaignResponse) record.touchpoint();
                    return new Answer(response.nps(), Category.of(response.nps()), record.occurredAt(),
                            record.key().source(), record.key().recordId(), response.campaignId(), response.channel(),
                            CxTouchpoint.storeOf(record));
                });
    }
}
