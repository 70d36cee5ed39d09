package dev.mosaic.profile.domain.segment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A condition written back as its JSON tree, in the form {@link ConditionParser} reads: how a segment is stored and shown. */
public final class ConditionTree {

    private ConditionTree() {
    }

    public static Object of(Condition condition) {
        return switch (condition) {
            case Condition.All all -> Map.of("all", all.conditions().stream().map(ConditionTree::of).toList());
            case Condition.Any any -> Map.of("any", any.conditions().stream().map(ConditionTree::of).toList());
            case Condition.Not not -> Map.of("not", of(not.condition()));
            case Condition.Equals equals -> field(equals.field(), "eq", equals.value());
            case Condition.OneOf oneOf -> field(oneOf.field(), "in", oneOf.values());
            case Condition.Compare compare -> field(compare.field(), compare.comparison().name().toLowerCase(),
                    compare.value());
            case Condition.Within within -> field(within.field(), "within", within.days() + "d");
            case Condition.OnOrAfter after -> field(after.field(), "after", after.date().toString());
            case Condition.Before before -> field(before.field(), "before", before.date().toString());
            case Condition.Exists exists -> field(exists.field(), "exists", true);
        };
    }

    private static Map<String, Object> field(SegmentField field, String operator, Object value) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("field", field.code());
        node.put(operator, value instanceof List<?> list ? List.copyOf(list) : value);
        return node;
    }
}
