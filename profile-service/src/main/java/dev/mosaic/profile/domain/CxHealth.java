package dev.mosaic.profile.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One number for how a customer relationship is doing, 0 (bad) to 100 (good): the weighted average of the parts a
 * person has data for, each on 0..100, rounded to a whole number. Parts and weights:
 * NPS (latest answer x 10) 0.25, CSAT % 0.20, CES % 0.10, first-contact resolution % 0.10,
 * social sentiment ((average + 1) x 50) 0.15, retention (100 - churn risk score) 0.20. Missing parts are left out
 * and the weights of the others count in proportion; without any part there is no score.
 */
public record CxHealth(int score, List<Part> parts) {

    public CxHealth {
        parts = List.copyOf(parts);
    }

    /** @param value 0..100, 1 decimal */
    public record Part(String name, double value, double weight) {
    }

    static final double NPS_WEIGHT = 0.25;
    static final double CSAT_WEIGHT = 0.20;
    static final double CES_WEIGHT = 0.10;
    static final double FCR_WEIGHT = 0.10;
    static final double SENTIMENT_WEIGHT = 0.15;
    static final double RETENTION_WEIGHT = 0.20;

    public static Optional<CxHealth> of(Integer latestNps, Double csatPercent, Double cesPercent, Double fcrPercent,
                                        Double averageSentiment, Integer churnRiskScore) {
        List<Part> parts = new ArrayList<>();
        if (latestNps != null) {
            parts.add(new Part("nps", latestNps * 10.0, NPS_WEIGHT));
        }
        if (csatPercent != null) {
            parts.add(new Part("csat", csatPercent, CSAT_WEIGHT));
        }
        if (cesPercent != null) {
            parts.add(new Part("ces", cesPercent, CES_WEIGHT));
        }
        if (fcrPercent != null) {
            parts.add(new Part("firstContactResolution", fcrPercent, FCR_WEIGHT));
        }
        if (averageSentiment != null) {
            parts.add(new Part("socialSentiment", Scores.round1((averageSentiment + 1) * 50), SENTIMENT_WEIGHT));
        }
        if (churnRiskScore != null) {
            parts.add(new Part("retention", 100.0 - churnRiskScore, RETENTION_WEIGHT));
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        double weighted = parts.stream().mapToDouble(part -> part.value() * part.weight()).sum();
        double weights = parts.stream().mapToDouble(Part::weight).sum();
        return Optional.of(new CxHealth((int) Math.round(weighted / weights), parts));
    }
}
