package dev.mosaic.profile.adapter.in.web;

import java.time.Instant;

import dev.mosaic.profile.domain.segment.ConditionTree;
import dev.mosaic.profile.domain.segment.Segment;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "Segment", description = "A saved segment; its members are computed anew on every request")
record SegmentResponse(
        @Schema(example = "seg-5b0d3f2a") String id,
        @Schema(example = "Berlin promoters, bought lately") String name,
        String description,
        @Schema(description = "The condition as validated (text values normalised, e.g. cities folded)")
        Object condition,
        Instant createdAt,
        @Schema(description = "When its name, description or condition last changed; createdAt until then")
        Instant updatedAt) {

    static SegmentResponse of(Segment segment) {
        return new SegmentResponse(segment.id(), segment.name(), segment.description(),
                ConditionTree.of(segment.condition()), segment.createdAt(),
                segment.updatedAt());
    }
}
