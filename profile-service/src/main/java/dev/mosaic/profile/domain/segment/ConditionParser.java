package dev.mosaic.profile.domain.segment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a segment condition from its JSON tree (maps, lists, strings, numbers, booleans, as any JSON library reads
 * them) and checks it against the schema ({@link SegmentField}); the first mistake is reported with its path.
 *
 * <pre>
 * {"all": [
 *   {"field": "city", "eq": "Berlin"},
 *   {"field": "purchases.lastPurchase", "within": "90d"},
 *   {"any": [{"field": "cx.nps.category", "eq": "promoter"}, {"field": "cx.clv", "gte": 500}]},
 *   {"not": {"field": "cx.needsAttention", "eq": true}}]}
 * </pre>
 */
public final class ConditionParser {

    /** Deeper nesting or more comparisons than a person writes are refused, so one request cannot burden the index. */
    public static final int MAX_DEPTH = 10;
    public static final int MAX_COMPARISONS = 100;
    public static final int MAX_VALUES = 1000;
    public static final int MAX_DAYS = 36_600;

    private static final Pattern DAYS = Pattern.compile("(\\d{1,5})d");
    private static final Set<String> COMBINATIONS = Set.of("all", "any", "not");

    private int comparisons;

    private ConditionParser() {
    }

    public static Condition parse(Object tree) {
        return parse(tree, "$");
    }

    /** @param root the path of the tree in its document, e.g. {@code $.condition}, so errors point into the request */
    public static Condition parse(Object tree, String root) {
        return new ConditionParser().node(tree, root, 1);
    }

    private Condition node(Object tree, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidConditionException(path, "conditions nest at most " + MAX_DEPTH + " levels deep");
        }
        if (!(tree instanceof Map<?, ?> map)) {
            throw new InvalidConditionException(path, "expected a condition object such as {\"all\": [...]}, "
                    + "{\"any\": [...]}, {\"not\": {...}} or {\"field\": \"...\", \"eq\": ...}, got " + describe(tree));
        }
        if (map.isEmpty()) {
            throw new InvalidConditionException(path, "an empty object is no condition; use all, any, not or field");
        }
        List<String> combinations = map.keySet().stream().map(String::valueOf).filter(COMBINATIONS::contains).toList();
        if (!combinations.isEmpty()) {
            if (map.size() > 1) {
                throw new InvalidConditionException(path, "'" + combinations.getFirst()
                        + "' stands alone in its object; found also " + otherKeys(map, combinations.getFirst()));
            }
            String key = combinations.getFirst();
            Object value = map.get(key);
            return switch (key) {
                case "not" -> new Condition.Not(node(value, path + ".not", depth + 1));
                case "all" -> new Condition.All(list(value, path + ".all", depth));
                default -> new Condition.Any(list(value, path + ".any", depth));
            };
        }
        if (!map.containsKey("field")) {
            throw new InvalidConditionException(path, "unknown key(s) " + otherKeys(map, null)
                    + "; a condition is all, any, not or field");
        }
        return comparison(map, path);
    }

    private List<Condition> list(Object value, String path, int depth) {
        if (!(value instanceof List<?> items)) {
            throw new InvalidConditionException(path, "expected a list of conditions, got " + describe(value));
        }
        if (items.isEmpty()) {
            throw new InvalidConditionException(path, "expected at least one condition");
        }
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            conditions.add(node(items.get(i), path + "[" + i + "]", depth + 1));
        }
        return conditions;
    }

    private Condition comparison(Map<?, ?> map, String path) {
        if (++comparisons > MAX_COMPARISONS) {
            throw new InvalidConditionException(path, "a condition holds at most " + MAX_COMPARISONS + " comparisons");
        }
        if (!(map.get("field") instanceof String code)) {
            throw new InvalidConditionException(path + ".field", "expected a field name, got " + describe(map.get("field")));
        }
        SegmentField field = SegmentField.fromCode(code).orElseThrow(() -> new InvalidConditionException(path + ".field",
                "unknown field '" + code + "'; known fields: " + Arrays.stream(SegmentField.values())
                        .map(SegmentField::code).collect(Collectors.joining(", "))));
        Map<String, Object> operators = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (!"field".equals(key)) {
                operators.put(String.valueOf(key), value);
            }
        });
        if (operators.isEmpty()) {
            throw new InvalidConditionException(path, "field '" + code + "' needs an operator: "
                    + String.join(", ", field.type().operators()));
        }
        List<Condition> conditions = new ArrayList<>();
        operators.forEach((operator, value) -> {
            String at = path + "." + operator;
            if (!field.type().operators().contains(operator)) {
                throw new InvalidConditionException(at, "field '" + code + "' (" + field.type().name().toLowerCase()
                        + ") takes " + String.join(", ", field.type().operators()) + ", not '" + operator + "'");
            }
            conditions.add(operator(field, operator, value, at));
        });
        return conditions.size() == 1 ? conditions.getFirst() : new Condition.All(conditions);
    }

    private Condition operator(SegmentField field, String operator, Object value, String path) {
        switch (operator) {
            case "exists" -> {
                boolean exists = bool(value, path);
                return exists ? new Condition.Exists(field) : new Condition.Not(new Condition.Exists(field));
            }
            case "eq" -> {
                return switch (field.type()) {
                    case TEXT -> new Condition.Equals(field, text(field, value, path));
                    case BOOLEAN -> new Condition.Equals(field, bool(value, path));
                    default -> new Condition.Equals(field, number(value, path));
                };
            }
            case "in" -> {
                if (!(value instanceof List<?> values) || values.isEmpty()) {
                    throw new InvalidConditionException(path, "expected a non-empty list of values, got " + describe(value));
                }
                if (values.size() > MAX_VALUES) {
                    throw new InvalidConditionException(path, "at most " + MAX_VALUES + " values");
                }
                List<String> normalised = new ArrayList<>();
                for (int i = 0; i < values.size(); i++) {
                    normalised.add(text(field, values.get(i), path + "[" + i + "]"));
                }
                return new Condition.OneOf(field, normalised);
            }
            case "gt" -> {
                return new Condition.Compare(field, Condition.Comparison.GT, number(value, path));
            }
            case "gte" -> {
                return new Condition.Compare(field, Condition.Comparison.GTE, number(value, path));
            }
            case "lt" -> {
                return new Condition.Compare(field, Condition.Comparison.LT, number(value, path));
            }
            case "lte" -> {
                return new Condition.Compare(field, Condition.Comparison.LTE, number(value, path));
            }
            case "within" -> {
                Matcher days = value instanceof String text ? DAYS.matcher(text.strip()) : null;
                if (days == null || !days.matches() || Integer.parseInt(days.group(1)) < 1
                        || Integer.parseInt(days.group(1)) > MAX_DAYS) {
                    throw new InvalidConditionException(path, "expected a number of days such as \"90d\" (1 to "
                            + MAX_DAYS + "), got " + describe(value));
                }
                return new Condition.Within(field, Integer.parseInt(days.group(1)));
            }
            case "after" -> {
                return new Condition.OnOrAfter(field, date(value, path));
            }
            default -> {
                return new Condition.Before(field, date(value, path));
            }
        }
    }

    private static String text(SegmentField field, Object value, String path) {
        if (!(value instanceof String text) || text.isBlank()) {
            throw new InvalidConditionException(path, "expected a non-empty text, got " + describe(value));
        }
        String normalised = field.normalise(text);
        if (normalised == null || normalised.isEmpty()) {
            throw new InvalidConditionException(path, "'" + text + "' holds nothing to compare");
        }
        if (!field.allowedValues().isEmpty() && !field.allowedValues().contains(normalised)) {
            throw new InvalidConditionException(path, "'" + text + "' is not one of "
                    + String.join(", ", field.allowedValues()));
        }
        return normalised;
    }

    private static boolean bool(Object value, String path) {
        if (!(value instanceof Boolean bool)) {
            throw new InvalidConditionException(path, "expected true or false, got " + describe(value));
        }
        return bool;
    }

    private static double number(Object value, String path) {
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            throw new InvalidConditionException(path, "expected a number, got " + describe(value));
        }
        return number.doubleValue();
    }

    private static LocalDate date(Object value, String path) {
        LocalDate date = null;
        try {
            if (value instanceof String text) {
                date = LocalDate.parse(text.strip());
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        if (date == null) {
            throw new InvalidConditionException(path, "expected a date as YYYY-MM-DD, got " + describe(value));
        }
        // Java reads years up to 999999999; the index compares dates of the years 1 to 9999.
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw new InvalidConditionException(path, "expected a date of the years 1 to 9999, got " + describe(value));
        }
        return date;
    }

    private static String otherKeys(Map<?, ?> map, String except) {
        return map.keySet().stream().map(String::valueOf).filter(key -> !key.equals(except))
                .map(key -> "'" + key + "'").collect(Collectors.joining(", "));
    }

    private static String describe(Object value) {
        return switch (value) {
            case null -> "nothing";
            case String text -> "\"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
            case Number number -> "the number " + number;
            case Boolean bool -> String.valueOf(bool);
            case List<?> list -> "a list";
            case Map<?, ?> map -> "an object";
            default -> value.getClass().getSimpleName();
        };
    }
}
