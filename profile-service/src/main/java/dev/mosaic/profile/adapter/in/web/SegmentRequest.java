package dev.mosaic.profile.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "SegmentDefinition", description = "A segment to count or save")
record SegmentRequest(
        @Schema(description = "Required to save; ignored by preview", example = "Berlin promoters, bought lately")
        String name,
        @Schema(description = "Optional", example = "For the spring newsletter") String description,
        @Schema(description = "The condition: {\"all\": [...]}, {\"any\": [...]}, {\"not\": {...}} or "
                + "{\"field\": NAME, OPERATOR: VALUE}; fields and operators in docs/segments.md",
                example = """
                        {"all": [{"field": "city", "eq": "Berlin"}, {"field": "purchases.lastPurchase", "within": "90d"}, \
                        {"any": [{"field": "cx.nps.category", "eq": "promoter"}, {"field": "cx.clv", "gte": 500}]}, \
                        {"not": {"field": "cx.needsAttention", "eq": true}}]}""")
        Object condition) {
}
