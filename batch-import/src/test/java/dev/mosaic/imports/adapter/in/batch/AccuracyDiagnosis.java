package dev.mosaic.imports.adapter.in.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.mosaic.identity.domain.matching.Constraints;
import dev.mosaic.identity.domain.matching.FieldContribution;
import dev.mosaic.identity.domain.matching.GenericIdentifiers;
import dev.mosaic.identity.domain.matching.MatchRecord;
import dev.mosaic.identity.domain.matching.MatchScore;
import dev.mosaic.identity.domain.matching.PairwiseAccuracy;
import dev.mosaic.identity.domain.matching.ResolutionEngine;
import dev.mosaic.identity.domain.matching.ScoredPair;

/**
 * Where the pairs of a run on generated data go wrong, for whoever changes the matcher:
 * {@code ./mosaic bench accuracy --explain RECORDS SEED}. Wrong pairs are attributed to the links that joined two
 * people (by rule and the first name's level); lost pairs to the records that ended up away from the rest of their
 * person (nothing to match on, only a weak score, or held back by a guard). Tune on one seed, report another.
 */
final class AccuracyDiagnosis {

    private static final int SHOWN = Integer.getInteger("shown", 6);
    private static final int SAMPLE = Integer.getInteger("sample", 7);

    private AccuracyDiagnosis() {
    }

    static void explain(long size, long seed) throws Exception {
        explain(ResolutionAccuracy.generated(Path.of("target/bench").toAbsolutePath(), size, seed));
    }

    static void explain(ResolutionAccuracy.Labelled data) {
        List<MatchRecord> records = data.records().stream().map(MatchRecord::of).toList();
        ResolutionEngine.Result result = new ResolutionEngine(ResolutionEngine.Settings.defaults())
                .resolve(records, Constraints.none(), GenericIdentifiers.Overrides.none());
        List<String> truth = data.truth();
        int[] cluster = result.clusterOf();
        List<Integer> predicted = new ArrayList<>();
        for (int c : cluster) {
            predicted.add(c);
        }
        PairwiseAccuracy accuracy = PairwiseAccuracy.of(truth, predicted);
        System.out.println("RESULT " + data.name() + ": " + accuracy);
        result.model().encode().lines().filter(line -> line.startsWith("level") || line.startsWith("prior"))
                .forEach(line -> System.out.println("MODEL " + line));

        // Wrong pairs: per cluster holding several people, charged to the links that join different people in it.
        Map<Integer, Map<String, Integer>> peopleOfCluster = new HashMap<>();
        for (int i = 0; i < truth.size(); i++) {
            peopleOfCluster.computeIfAbsent(cluster[i], c -> new HashMap<>()).merge(truth.get(i), 1, Integer::sum);
        }
        Map<String, long[]> wrongByKind = new TreeMap<>();
        Map<Integer, List<ScoredPair>> bridges = new HashMap<>();
        for (ScoredPair link : result.links()) {
            if (!truth.get(link.first()).equals(truth.get(link.second()))) {
                bridges.computeIfAbsent(cluster[link.first()], c -> new ArrayList<>()).add(link);
            }
        }
        bridges.forEach((c, links) -> {
            long wrong = wrongPairs(peopleOfCluster.get(c));
            for (ScoredPair link : links) {
                String sigA = signature(result.records().get(link.first()), -1, List.of(), result.records());
                String sigB = signature(result.records().get(link.second()), -1, List.of(), result.records());
                String kind = link.rule() + " " + firstNameLevel(result, link) + " "
                        + (sigA.compareTo(sigB) < 0 ? sigA + "~" + sigB : sigB + "~" + sigA);
                long[] counts = wrongByKind.computeIfAbsent(kind, k -> new long[2]);
                counts[0]++;
                counts[1] += wrong / links.size();
            }
        });
        Map<String, Integer> reviewReasons = new TreeMap<>();
        result.review().forEach(pair -> reviewReasons.merge((truth.get(pair.first()).equals(truth.get(pair.second()))
                ? "same person: " : "different people: ") + pair.reason(), 1, Integer::sum));
        System.out.println("REVIEW " + reviewReasons);
        System.out.println("WRONG PAIRS " + (accuracy.predictedPairs() - accuracy.correctPairs())
                + " by the links joining two people (links, share of wrong pairs):");
        wrongByKind.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1])).limit(30)
                .forEach(e -> System.out.println("  " + e.getKey() + ": " + e.getValue()[0] + " links, ~"
                        + e.getValue()[1] + " pairs"));

        // Lost pairs: each person's records outside the cluster holding most of them.
        Map<String, List<Integer>> people = new HashMap<>();
        for (int i = 0; i < truth.size(); i++) {
            people.computeIfAbsent(truth.get(i), p -> new ArrayList<>()).add(i);
        }
        Map<String, long[]> lostByKind = new TreeMap<>();
        Map<String, List<String>> examples = new HashMap<>();
        for (List<Integer> members : people.values()) {
            Map<Integer, Integer> clusters = new HashMap<>();
            members.forEach(i -> clusters.merge(cluster[i], 1, Integer::sum));
            if (clusters.size() == 1) {
                continue;
            }
            int home = clusters.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey();
            int homeSize = clusters.get(home);
            for (int stray : members) {
                if (cluster[stray] == home) {
                    continue;
                }
                MatchRecord record = result.records().get(stray);
                MatchScore best = null;
                int bestPartner = -1;
                for (int other : members) {
                    if (cluster[other] == home) {
                        MatchScore score = result.model().score(record, result.records().get(other));
                        if (best == null || score.probability() > best.probability()) {
                            best = score;
                            bestPartner = other;
                        }
                    }
                }
                String why = ResolutionAccuracy.identifiesNobody(record) ? "nothing to match on"
                        : onlyPlace(record) ? "only a place (no name, date or contact)"
                        : best.probability() >= 0.95 ? "scored >= 0.95 but kept apart"
                        : best.probability() >= 0.5 ? "grey zone" : "weak score";
                String kind = why + " [" + data.records().get(stray).kind() + " " + signature(record, stray, members,
                        result.records()) + "]";
                lostByKind.computeIfAbsent(kind, k -> new long[2])[0]++;
                lostByKind.get(kind)[1] += homeSize;
                List<String> shown = examples.computeIfAbsent(why, k -> new ArrayList<>());
                if (shown.size() < SHOWN && !why.equals("nothing to match on") && stray % SAMPLE == 0) {
                    shown.add("p=" + String.format("%.4f", best.probability()) + "\n      " + record + "\n      "
                            + result.records().get(bestPartner) + "\n      " + compact(best.contributions()));
                }
            }
        }
        Map<String, Integer> distinctNamesOfOnePerson = new HashMap<>();
        Map<String, Integer> firstNameLevels = new HashMap<>();
        for (List<Integer> members : people.values()) {
            for (int x = 0; x < members.size(); x++) {
                for (int y = x + 1; y < members.size(); y++) {
                    MatchRecord a = result.records().get(members.get(x));
                    MatchRecord b = result.records().get(members.get(y));
                    if (a.firstName() != null && b.firstName() != null && !a.firstName().equals(b.firstName())) {
                        MatchScore score = result.model().score(a, b);
                        String level = score.contributions().stream().filter(c -> c.field().equals("first_name"))
                                .map(FieldContribution::level).findFirst().orElse("?");
                        firstNameLevels.merge(level, 1, Integer::sum);
                        if (level.equals("different")) {
                            String pair = a.firstName().compareTo(b.firstName()) < 0 ? a.firstName() + "/" + b.firstName()
                                    : b.firstName() + "/" + a.firstName();
                            distinctNamesOfOnePerson.merge(pair + (a.firstNameEstablished() && b.firstNameEstablished()
                                    ? " (both established)" : ""), 1, Integer::sum);
                        }
                    }
                }
            }
        }
        System.out.println("FIRST NAME LEVELS of one person's records with different first names: " + firstNameLevels);
        distinctNamesOfOnePerson.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(40).forEach(e -> System.out.println("  " + e.getKey() + ": " + e.getValue()));
        System.out.println("LOST PAIRS " + (accuracy.truePairs() - accuracy.correctPairs())
                + " by the records kept away from most of their person (records, ~pairs with that part):");
        lostByKind.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]))  .limit(40)
                .forEach(e -> System.out.println("  " + e.getKey() + ": " + e.getValue()[0] + " records, ~"
                        + e.getValue()[1] + " pairs"));
        examples.forEach((why, shown) -> {
            System.out.println("EXAMPLES " + why);
            shown.forEach(s -> System.out.println("    " + s));
        });
        System.out.println("EXAMPLES wrong links");
        int[] shown = {0};
        bridges.values().stream().flatMap(List::stream).sorted((x, y) -> Integer.compare(x.first(), y.first()))
                .filter(link -> link.first() % 3 == 0 && link.rule().equals("probabilistic")
                        && result.records().get(link.first()).email() != null
                        && result.records().get(link.second()).email() != null).limit(25).forEach(link -> {
                    MatchScore score = result.model().score(result.records().get(link.first()),
                            result.records().get(link.second()));
                    System.out.println("    " + link.rule() + " p=" + String.format("%.4f", link.probability())
                            + "\n      " + result.records().get(link.first()) + "\n      "
                            + result.records().get(link.second()) + "\n      " + compact(score.contributions()));
                    shown[0]++;
                });
    }

    private static String firstNameLevel(ResolutionEngine.Result result, ScoredPair link) {
        MatchScore score = result.model().score(result.records().get(link.first()), result.records().get(link.second()));
        return score.contributions().stream().filter(c -> c.field().equals("first_name")).map(FieldContribution::level)
                .findFirst().orElse("first name unknown");
    }

    /** Which fields the record knows (F first, L last, B birth date, E email, P phone, Y loyalty, H handle,
     * A address), and "shared" when one of its identifiers is also on another record of the same person. */
    private static String signature(MatchRecord r, int index, List<Integer> members, List<MatchRecord> records) {
        StringBuilder s = new StringBuilder();
        if (r.firstName() != null) s.append(r.firstName().length() <= 2 ? 'f' : 'F');
        if (r.lastName() != null) s.append('L');
        if (r.birthDate() != null) s.append('B');
        if (r.email() != null) s.append('E');
        if (r.phone() != null) s.append('P');
        if (r.loyaltyId() != null) s.append('Y');
        if (r.socialHandle() != null) s.append('H');
        if (r.postalCode() != null || r.street() != null || r.city() != null) s.append('A');
        boolean shared = false;
        for (int other : members) {
            MatchRecord o = records.get(other);
            if (other != index && (same(r.email(), o.email()) || same(r.phone(), o.phone())
                    || same(r.loyaltyId(), o.loyaltyId()) || same(r.socialHandle(), o.socialHandle()))) {
                shared = true;
            }
        }
        return s + (shared ? " shared-id" : "");
    }

    private static boolean same(String a, String b) {
        return a != null && a.equals(b);
    }

    private static boolean onlyPlace(MatchRecord r) {
        return r.firstName() == null && r.lastName() == null && r.birthDate() == null && r.email() == null
                && r.phone() == null && r.loyaltyId() == null && r.socialHandle() == null;
    }

    private static String compact(List<FieldContribution> contributions) {
        StringBuilder text = new StringBuilder();
        for (FieldContribution c : contributions) {
            text.append(c.field()).append('=').append(c.level()).append(String.format("(%+.1f) ", c.weight()));
        }
        return text.toString();
    }

    private static long wrongPairs(Map<String, Integer> people) {
        long total = people.values().stream().mapToLong(Integer::longValue).sum();
        long same = people.values().stream().mapToLong(n -> (long) n * (n - 1) / 2).sum();
        return total * (total - 1) / 2 - same;
    }
}
