package dev.mosaic.identity.domain.matching;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The pairs of records that share a key under some blocking rule, each pair once. A block larger than the cap is not
 * compared at all: a key that common (a birth date of 1 January, a "Müller" at one postal code) proves too little
 * for the quadratic cost, and the other rules still meet those records. Blocks are independent, so they are visited
 * in parallel here and could be sharded across machines by key.
 */
public final class CandidatePairs {

    /** Receives each candidate pair of record indices, from several threads at once. */
    @FunctionalInterface
    public interface PairConsumer {
        void accept(int first, int second);
    }

    /** Receives each candidate pair with the index of the rule that found it (the first rule whose key they share). */
    @FunctionalInterface
    public interface RulePairConsumer {
        void accept(int rule, int first, int second);
    }

    private final List<MatchRecord> records;
    private final List<BlockingRule> rules;
    private final int maxBlockSize;
    /** Only pairs with at least one record below this index are wanted (all records: every pair). */
    private final int focus;
    private final String[][] keys;
    private final int[][] blockSizes;
    private long skippedBlocks;

    public CandidatePairs(List<MatchRecord> records, List<BlockingRule> rules, int maxBlockSize) {
        this(records, rules, maxBlockSize, records.size());
    }

    /**
     * Only the pairs that involve one of the first {@code focus} records: a batch resolved against its neighbourhood
     * compares the batch with the neighbours, not the neighbours among themselves (the graph already holds those).
     * Blocks without a focus record are not even formed; the blocks that are formed are whole, so the cap on block
     * size sees the same blocks as without a focus.
     */
    public CandidatePairs(List<MatchRecord> records, List<BlockingRule> rules, int maxBlockSize, int focus) {
        this.records = records;
        this.rules = rules;
        this.maxBlockSize = maxBlockSize;
        this.focus = Math.min(focus, records.size());
        this.keys = new String[rules.size()][];
        this.blockSizes = new int[rules.size()][];
    }

    /** Calls {@code consumer} once for every candidate pair; returns how many pairs there were. */
    public long forEach(PairConsumer consumer) {
        return forEach((rule, first, second) -> consumer.accept(first, second));
    }

    /** Calls {@code consumer} once for every candidate pair, naming the rule that found it; returns the pairs. */
    public long forEach(RulePairConsumer consumer) {
        long pairs = 0;
        for (int rule = 0; rule < rules.size(); rule++) {
            int[][] blocks = blocks(rule);
            int current = rule;
            pairs += Arrays.stream(blocks).parallel().mapToLong(block -> visit(current, block, consumer)).sum();
        }
        return pairs;
    }

    public long skippedBlocks() {
        return skippedBlocks;
    }

    private long visit(int rule, int[] block, RulePairConsumer consumer) {
        long pairs = 0;
        for (int x = 0; x < block.length; x++) {
            for (int y = x + 1; y < block.length; y++) {
                int first = Math.min(block[x], block[y]);
                int second = Math.max(block[x], block[y]);
                if (first < focus && !comparedByEarlierRule(rule, first, second)) {
                    consumer.accept(rule, first, second);
                    pairs++;
                }
            }
        }
        return pairs;
    }

    private boolean comparedByEarlierRule(int rule, int first, int second) {
        for (int earlier = 0; earlier < rule; earlier++) {
            String key = keys[earlier][first];
            if (key != null && key.equals(keys[earlier][second]) && blockSizes[earlier][first] <= maxBlockSize) {
                return true;
            }
        }
        return false;
    }

    private int[][] blocks(int rule) {
        int size = records.size();
        String[] ruleKeys = new String[size];
        for (int i = 0; i < size; i++) {
            ruleKeys[i] = rules.get(rule).key().apply(records.get(i));
        }
        keys[rule] = ruleKeys;
        java.util.Set<String> focusKeys = new java.util.HashSet<>();
        for (int i = 0; i < focus; i++) {
            if (ruleKeys[i] != null) {
                focusKeys.add(ruleKeys[i]);
            }
        }
        boolean everyRecord = focus == size;
        Integer[] order = IntStream.range(0, size)
                .filter(i -> ruleKeys[i] != null && (everyRecord || focusKeys.contains(ruleKeys[i])))
                .boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparing(i -> ruleKeys[i]));
        int[] sizes = new int[size];
        blockSizes[rule] = sizes;
        java.util.ArrayList<int[]> blocks = new java.util.ArrayList<>();
        int start = 0;
        while (start < order.length) {
            int end = start + 1;
            while (end < order.length && ruleKeys[order[end]].equals(ruleKeys[order[start]])) {
                end++;
            }
            int length = end - start;
            for (int k = start; k < end; k++) {
                sizes[order[k]] = length;
            }
            if (length > maxBlockSize) {
                skippedBlocks++;
            } else if (length > 1) {
                int[] block = new int[length];
                for (int k = 0; k < length; k++) {
                    block[k] = order[start + k];
                }
                blocks.add(block);
            }
            start = end;
        }
        return blocks.toArray(int[][]::new);
    }
}
