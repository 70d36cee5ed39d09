package dev.mosaic.identity.domain.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns accepted pairs into profiles, strongest first, with guards against over-merging:
 * <ul>
 *   <li>cannot-link evidence vetoes joining two groups: clearly different birth dates, two different loyalty ids,
 *       first names of which none could be the other group's (both groups named on two records or more), or
 *       opposite sides of a steward's split;</li>
 *   <li>two groups of several records each are joined by a link weaker than the bridge threshold only when a second
 *       link confirms it: one weak link does not glue two strongly separate groups;</li>
 *   <li>what a guard holds back, and pairs in the grey zone below the match threshold, go to the review queue, one
 *       pair (the strongest) for two groups.</li>
 * </ul>
 * Pairs are taken in a fixed order (probability, then indices), so the same input always gives the same profiles.
 */
public final class Clustering {

    /** Probabilities that decide: at or above {@code match} a pair links, from {@code review} it is queued. */
    public record Thresholds(double match, double review, double bridge, double certain) {

        public static Thresholds defaults() {
            return new Thresholds(0.95, 0.50, 0.999, 0.9999);
        }
    }

    /**
     * Which cannot-link guards hold. A guard on a field stands only where the data shows that one person's records
     * rarely disagree on it (the model's m of "different"): in retail data a second birth date or first name means a
     * second person, while in a register whose clerks replace values now and then (Febrl) it is one more piece of
     * evidence, which the match weight already counts.
     */
    public record Guards(boolean birthDates, boolean firstNames) {

        /** Sources disagree on a guarded field for fewer than this share of one person's record pairs. */
        static final double RARE_DISAGREEMENT = 0.02;

        public static Guards all() {
            return new Guards(true, true);
        }

        public static Guards of(MatchModel model) {
            return new Guards(disagreementIsRare(model, "birth_date"), disagreementIsRare(model, "first_name"));
        }

        private static boolean disagreementIsRare(MatchModel model, String field) {
            for (int c = 0; c < model.comparisons().size(); c++) {
                Comparison comparison = model.comparisons().get(c);
                if (comparison.field().equals(field)) {
                    return model.m(c, comparison.levels().size() - 1) < RARE_DISAGREEMENT;
                }
            }
            return true;
        }
    }

    /** A pair a person should look at, and why it was not decided automatically. */
    public record ReviewPair(int first, int second, double probability, String reason) {
    }

    /** Each record's cluster (the smallest record index in it), the pairs that hold clusters together, the queue. */
    public record Result(int[] clusterOf, List<ScoredPair> links, List<ReviewPair> review) {
    }

    private static final Comparator<ScoredPair> STRONGEST_FIRST = Comparator
            .comparingInt((ScoredPair pair) -> pair.unconditional() ? 0 : 1)
            .thenComparing(ScoredPair::probability, Comparator.reverseOrder())
            .thenComparingInt(ScoredPair::first).thenComparingInt(ScoredPair::second);

    private final Thresholds thresholds;
    private final Guards guards;

    public Clustering(Thresholds thresholds) {
        this(thresholds, Guards.all());
    }

    public Clustering(Thresholds thresholds, Guards guards) {
        this.thresholds = thresholds;
        this.guards = guards;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    public Result cluster(List<MatchRecord> records, List<Set<Constraints.SplitSide>> splitSides,
                          List<ScoredPair> pairs) {
        int size = records.size();
        int[] parent = new int[size];
        Summary[] summaries = new Summary[size];
        for (int i = 0; i < size; i++) {
            parent[i] = i;
            summaries[i] = Summary.of(records.get(i), splitSides.get(i));
        }
        List<ScoredPair> ordered = new ArrayList<>(pairs);
        ordered.sort(STRONGEST_FIRST);
        List<ReviewPair> review = new ArrayList<>();
        List<ScoredPair> deferred = new ArrayList<>();
        for (ScoredPair pair : ordered) {
            boolean steward = pair.unconditional();
            if (!steward && !pair.deterministic() && pair.probability() < thresholds.match()) {
                continue;
            }
            int a = find(parent, pair.first());
            int b = find(parent, pair.second());
            if (a == b) {
                continue;
            }
            String veto = steward ? null : summaries[a].conflictWith(summaries[b], pair.probability() >= thresholds.certain(),
                    guards);
            if (veto == null && !steward && !pair.deterministic() && pair.probability() < thresholds.certain()
                    && guards.firstNames()
                    && !NameComparison.mayBeSamePerson(records.get(pair.first()), records.get(pair.second()))) {
                // The deterministic rules ask the same of the first names; a shared address or birth date does not
                // make two first names one person's (household members, twins), unless everything else agrees so
                // well that the first name must have been replaced (a sources' mistake that happens).
                veto = "first names differ";
            }
            if (veto != null) {
                review.add(new ReviewPair(pair.first(), pair.second(), pair.probability(), "held back: " + veto));
            } else if (!steward && !pair.deterministic() && pair.probability() < thresholds.bridge()
                    && summaries[a].records >= 2 && summaries[b].records >= 2) {
                deferred.add(pair);
            } else {
                union(parent, summaries, a, b);
            }
        }
        joinConfirmedBridges(parent, summaries, deferred, review);
        int[] clusterOf = new int[size];
        int[] smallest = new int[size];
        java.util.Arrays.fill(smallest, Integer.MAX_VALUE);
        for (int i = 0; i < size; i++) {
            int root = find(parent, i);
            smallest[root] = Math.min(smallest[root], i);
        }
        for (int i = 0; i < size; i++) {
            clusterOf[i] = smallest[find(parent, i)];
        }
        List<ScoredPair> links = new ArrayList<>();
        for (ScoredPair pair : ordered) {
            boolean accepted = pair.unconditional() || pair.deterministic() || pair.probability() >= thresholds.match();
            if (accepted && clusterOf[pair.first()] == clusterOf[pair.second()]) {
                links.add(pair);
            } else if (!accepted && pair.probability() >= thresholds.review()
                    && clusterOf[pair.first()] != clusterOf[pair.second()]) {
                review.add(new ReviewPair(pair.first(), pair.second(), pair.probability(),
                        pair.rule().equals("probabilistic") ? "grey zone" : pair.rule()));
            }
        }
        review.removeIf(pair -> clusterOf[pair.first()] == clusterOf[pair.second()]);
        return new Result(clusterOf, links, strongestPerPairOfClusters(review, clusterOf));
    }

    /**
     * A steward decides whether two profiles are one person, not each pair of their records: the strongest pair
     * between two clusters stands for the rest (the earliest held back, for equal probabilities). Over 1,000,000
     * records the queue held 1.2 million record pairs, most of them repeating a pair of profiles.
     */
    private static List<ReviewPair> strongestPerPairOfClusters(List<ReviewPair> review, int[] clusterOf) {
        Map<Long, ReviewPair> strongest = new LinkedHashMap<>();
        for (ReviewPair pair : review) {
            int a = clusterOf[pair.first()];
            int b = clusterOf[pair.second()];
            strongest.merge(((long) Math.min(a, b) << 32) | Math.max(a, b), pair,
                    (kept, other) -> other.probability() > kept.probability() ? other : kept);
        }
        return new ArrayList<>(strongest.values());
    }

    private void joinConfirmedBridges(int[] parent, Summary[] summaries, List<ScoredPair> deferred,
                                      List<ReviewPair> review) {
        Map<Long, List<ScoredPair>> bridges = new HashMap<>();
        for (ScoredPair pair : deferred) {
            int a = find(parent, pair.first());
            int b = find(parent, pair.second());
            if (a != b) {
                bridges.computeIfAbsent(((long) Math.min(a, b) << 32) | Math.max(a, b), k -> new ArrayList<>()).add(pair);
            }
        }
        bridges.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            ScoredPair strongest = entry.getValue().getFirst();
            int a = find(parent, strongest.first());
            int b = find(parent, strongest.second());
            if (a == b) {
                return;
            }
            String veto = summaries[a].conflictWith(summaries[b], false, guards);
            if (independentlyConfirmed(entry.getValue()) && veto == null) {
                union(parent, summaries, a, b);
            } else {
                review.add(new ReviewPair(strongest.first(), strongest.second(), strongest.probability(),
                        veto != null ? "held back: " + veto : "a single weak link between two groups"));
            }
        });
    }

    /**
     * Two or more links whose endpoints differ on both sides: one record linked to several members of the other
     * group (a name-only record, say) is one piece of evidence, not several.
     */
    private static boolean independentlyConfirmed(List<ScoredPair> links) {
        Set<Integer> firsts = new HashSet<>();
        Set<Integer> seconds = new HashSet<>();
        for (ScoredPair link : links) {
            firsts.add(link.first());
            seconds.add(link.second());
        }
        return links.size() >= 2 && firsts.size() >= 2 && seconds.size() >= 2;
    }

    /** The root of a node's set in a disjoint-set forest, halving the path on the way. */
    static int find(int[] parent, int node) {
        while (parent[node] != node) {
            parent[node] = parent[parent[node]];
            node = parent[node];
        }
        return node;
    }

    private static void union(int[] parent, Summary[] summaries, int a, int b) {
        int root = Math.min(a, b);
        int child = Math.max(a, b);
        parent[child] = root;
        summaries[root] = summaries[root].plus(summaries[child]);
        summaries[child] = null;
    }

    /** What a group of records says about who it can and cannot be joined with. */
    private record Summary(int records, Map<LocalDate, Integer> birthDates, Set<String> loyaltyIds,
                           Set<Constraints.SplitSide> splitSides, Set<String> names, Set<String> establishedNames,
                           int namedRecords) {

        /** Enough distinct names to judge a group by; more would only be its own variants. */
        private static final int MAX_NAMES = 8;

        static Summary of(MatchRecord record, Set<Constraints.SplitSide> sides) {
            Set<String> names = record.firstName() == null ? Set.of() : Set.of(record.firstName());
            return new Summary(1, record.birthDate() == null ? Map.of() : Map.of(record.birthDate(), 1),
                    record.loyaltyId() == null ? Set.of() : Set.of(record.loyaltyId()), sides, names,
                    record.firstNameEstablished() ? names : Set.of(), record.firstName() == null ? 0 : 1);
        }

        Summary plus(Summary other) {
            Map<LocalDate, Integer> dates = birthDates;
            if (!other.birthDates.isEmpty()) {
                Map<LocalDate, Integer> merged = new HashMap<>(birthDates);
                other.birthDates.forEach((date, count) -> merged.merge(date, count, Integer::sum));
                dates = merged;
            }
            Set<String> allNames = names;
            if (names.size() < MAX_NAMES && !other.names.isEmpty()) {
                allNames = new HashSet<>(names);
                for (String name : other.names) {
                    if (allNames.size() < MAX_NAMES) {
                        allNames.add(name);
                    }
                }
            }
            Set<String> established = establishedNames;
            if (!other.establishedNames.isEmpty()) {
                established = new HashSet<>(establishedNames);
                for (String name : other.establishedNames) {
                    if (allNames.contains(name)) {
                        established.add(name);
                    }
                }
            }
            return new Summary(records + other.records, dates, union(loyaltyIds, other.loyaltyIds),
                    union(splitSides, other.splitSides), allNames, established, namedRecords + other.namedRecords);
        }

        /**
         * Why the two groups cannot be one person, or null. Clearly different birth dates (more than a typo or a year apart) veto the join
         * unless the link is near-certain on everything else (sources do replace a date now and then), and always
         * when each group holds its date on two records or more: then two people are each well established.
         */
        String conflictWith(Summary other, boolean certainLink, Guards guards) {
            for (Map.Entry<LocalDate, Integer> mine : birthDates.entrySet()) {
                for (Map.Entry<LocalDate, Integer> theirs : other.birthDates.entrySet()) {
                    if (guards.birthDates() && BirthDateComparison.clearlyDifferent(mine.getKey(), theirs.getKey())
                            && (!certainLink || (mine.getValue() >= 2 && theirs.getValue() >= 2))) {
                        return "birth dates differ";
                    }
                }
            }
            if (guards.firstNames() && !certainLink && namedRecords >= 2 && other.namedRecords >= 2
                    && noNameInCommon(other)) {
                return "first names differ";
            }
            if (!certainLink && !loyaltyIds.isEmpty() && !other.loyaltyIds.isEmpty()
                    && loyaltyIds.stream().noneMatch(other.loyaltyIds::contains)) {
                return "loyalty ids differ";
            }
            for (Constraints.SplitSide mine : splitSides) {
                for (Constraints.SplitSide theirs : other.splitSides) {
                    if (mine.decision().equals(theirs.decision()) && !mine.side().equals(theirs.side())) {
                        return "a steward split them (" + mine.decision() + ")";
                    }
                }
            }
            return null;
        }

        /**
         * Two groups each with a first name on two records or more, and no first name of one that could be one of the
         * other (a record with its names swapped brings its surname in as a first name, so it still finds its own
         * group): two people, e.g. of one household.
         */
        private boolean noNameInCommon(Summary other) {
            for (String mine : names) {
                for (String theirs : other.names) {
                    if (NameComparison.compatibleFirstNames(mine, establishedNames.contains(mine), theirs,
                            other.establishedNames.contains(theirs))) {
                        return false;
                    }
                }
            }
            return true;
        }

        private static <T> Set<T> union(Set<T> a, Set<T> b) {
            if (b.isEmpty()) {
                return a;
            }
            if (a.isEmpty()) {
                return b;
            }
            Set<T> union = new HashSet<>(a);
            union.addAll(b);
            return union;
        }
    }
}
