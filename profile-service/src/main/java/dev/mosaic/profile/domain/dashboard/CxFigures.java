package dev.mosaic.profile.domain.dashboard;

import dev.mosaic.profile.domain.Scores;

/**
 * The CX scores of a set of tickets and NPS answers (one period, one channel, one store, or all of them), by the
 * definitions of docs/cx-scores.md. A score is null when nothing was there to compute it from; the counts are 0 then.
 *
 * @param tickets tickets opened in the set
 */
public record CxFigures(Nps nps, Rate csat, Rate ces, Minutes firstResponseTime, Minutes resolutionTime,
                        Rate firstContactResolution, long tickets) {

    public static final CxFigures NONE = new CxFigures(Nps.of(0, 0, 0), Rate.of(0, 0), Rate.of(0, 0),
            Minutes.of(0, null, null), Minutes.of(0, null, null), Rate.of(0, 0), 0);

    /** NPS over every answer in the set (not only each person's latest): % promoters - % detractors, 1 decimal. */
    public record Nps(Double score, long answers, long promoters, long passives, long detractors) {

        public static Nps of(long promoters, long passives, long detractors) {
            long answers = promoters + passives + detractors;
            return new Nps(answers == 0 ? null : Scores.round1(100.0 * (promoters - detractors) / answers), answers,
                    promoters, passives, detractors);
        }
    }

    /** {@code matching / total x 100}, 1 decimal; CSAT and CES count answers of 4 or 5 among all answers. */
    public record Rate(Double percent, long matching, long total) {

        public static Rate of(long matching, long total) {
            return new Rate(total == 0 ? null : Scores.round1(100.0 * matching / total), matching, total);
        }
    }

    /** Average and median minutes, 1 decimal, over the tickets that have the time. */
    public record Minutes(Double average, Double median, long tickets) {

        public static Minutes of(long tickets, Double average, Double median) {
            return tickets == 0 || average == null ? new Minutes(null, null, tickets)
                    : new Minutes(Scores.round1(average), median == null ? null : Scores.round1(median), tickets);
        }
    }
}
