package dev.mosaic.profile.domain.segment;

import java.time.LocalDate;
import java.util.List;

/**
 * A segment condition, parsed and validated by {@link ConditionParser}: combinations (all, any, not) over comparisons
 * of one {@link SegmentField}. Text values are held normalised as the index holds them.
 */
public sealed interface Condition {

    record All(List<Condition> conditions) implements Condition {
        public All {
            conditions = List.copyOf(conditions);
        }
    }

    record Any(List<Condition> conditions) implements Condition {
        public Any {
            conditions = List.copyOf(conditions);
        }
    }

    record Not(Condition condition) implements Condition {
    }

    /** A text field equals one of the values; a boolean field equals {@code Boolean}; a number equals a number. */
    record Equals(SegmentField field, Object value) implements Condition {
    }

    record OneOf(SegmentField field, List<String> values) implements Condition {
        public OneOf {
            values = List.copyOf(values);
        }
    }

    enum Comparison { GT, GTE, LT, LTE }

    record Compare(SegmentField field, Comparison comparison, double value) implements Condition {
    }

    /** A date field within the last {@code days} days up to the time of the query. */
    record Within(SegmentField field, int days) implements Condition {
    }

    /** A date field on or after the start of a day (UTC). */
    record OnOrAfter(SegmentField field, LocalDate date) implements Condition {
    }

    /** A date field before the start of a day (UTC). */
    record Before(SegmentField field, LocalDate date) implements Condition {
    }

    record Exists(SegmentField field) implements Condition {
    }

    static Condition allOf(Condition... conditions) {
        return new All(List.of(conditions));
    }
}
