package dev.mosaic.profile.adapter.out.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import dev.mosaic.profile.domain.ProfileReadModel;

class BulkRefusalsTest {

    private static BulkResponseItem refused(String id, int status, String type, String reason) {
        return BulkResponseItem.of(item -> item.operationType(OperationType.Index).index("profiles-v5").id(id)
                .status(status).error(error -> error.type(type).reason(reason)));
    }

    @Test
    void keepsTheKindOfARefusalButNeverItsReasonWhichQuotesTheDocument() {
        ProfileReadModel.Refusals refusals = ElasticsearchProfileReadModel.refusals(List.of(
                refused("p-1", 400, "document_parsing_exception",
                        "[1:20] failed to parse field [golden.birthDate.value]: 'hiltrud@example.de', Hiltrud"),
                BulkResponseItem.of(item -> item.operationType(OperationType.Index).index("profiles-v5").id("p-2")
                        .status(201))));

        assertThat(refusals.profileIds()).containsExactly("p-1");
        assertThat(refusals.reason()).isEqualTo("document_parsing_exception");
        assertThat(refusals.toString()).doesNotContain("hiltrud").doesNotContain("Hiltrud");
    }

    @Test
    void aLaterVersionAlreadyHeldIsNoRefusal() {
        ProfileReadModel.Refusals refusals = ElasticsearchProfileReadModel.refusals(List.of(
                refused("p-1", 409, "version_conflict_engine_exception", "version conflict")));

        assertThat(refusals.profileIds()).isEmpty();
    }
}
