package dev.mosaic.profile.adapter.in.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.mosaic.profile.domain.segment.ConditionParser;
import dev.mosaic.profile.domain.segment.SegmentField;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "SegmentSchema", description = "What a segment condition may name: every field with its type, "
        + "operators and allowed values, and the limits of a condition. A client builds its forms from this.")
record SegmentSchemaResponse(List<Field> fields, Limits limits) {

    @Schema(name = "SegmentFieldSchema")
    record Field(
            @Schema(description = "The name a condition uses", example = "cx.nps.category") String field,
            @Schema(description = "text, number, boolean or date", example = "text") String type,
            @Schema(description = "The operators the field takes", example = "[\"eq\", \"in\", \"exists\"]")
            List<String> operators,
            @Schema(description = "The only values a text field takes (as normalised); empty when any value goes",
                    example = "[\"PROMOTER\", \"PASSIVE\", \"DETRACTOR\"]") List<String> values,
            @Schema(example = "Category of the latest NPS answer") String description) {
    }

    @Schema(name = "SegmentConditionLimits")
    record Limits(
            @Schema(description = "Levels of all/any/not", example = "10") int maxDepth,
            @Schema(description = "Field comparisons in one condition", example = "100") int maxComparisons,
            @Schema(description = "Values of one `in`", example = "1000") int maxValues,
            @Schema(description = "Largest `within` window in days", example = "36600") int maxDays) {
    }

    static SegmentSchemaResponse current() {
        return new SegmentSchemaResponse(Arrays.stream(SegmentField.values())
                .map(field -> new Field(field.code(), field.type().name().toLowerCase(Locale.ROOT),
                        field.type().operators(), field.allowedValues(), field.description()))
                .toList(),
                new Limits(ConditionParser.MAX_DEPTH, ConditionParser.MAX_COMPARISONS, ConditionParser.MAX_VALUES,
                        ConditionParser.MAX_DAYS));
    }
}
