package dev.mosaic.profile.adapter.out.elasticsearch;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import dev.mosaic.profile.domain.LookupType;
import dev.mosaic.profile.domain.ProfileReadModel;
import dev.mosaic.profile.domain.ProfileView;

/**
 * Profiles in Elasticsearch, written through the alias {@value #ALIAS} onto a versioned index so a rebuild can be
 * swapped in without downtime.
 */
final class ElasticsearchProfileReadModel implements ProfileReadModel {

    static final String ALIAS = "profiles";
    static final String INDEX = "profiles-v1";

    private static final String MAPPING = """
            {
              "dynamic": "strict",
              "properties": {
                "profileId":   {"type": "keyword"},
                "displayName": {"type": "text", "fields": {"keyword": {"type": "keyword", "normalizer": "lowercase"}}},
                "emails":      {"type": "keyword"},
                "phones":      {"type": "keyword"},
                "loyaltyIds":  {"type": "keyword"},
                "socialHandles": {"type": "keyword"},
                "cities":      {"type": "keyword", "normalizer": "lowercase"},
                "recordKeys":  {"type": "keyword"},
                "sourceRecords": {"type": "object", "enabled": false},
                "links":       {"type": "object", "enabled": false},
                "updatedAt":   {"type": "date"}
              }
            }""";
    private static final String SETTINGS = """
            {"number_of_shards": 1, "number_of_replicas": 0,
             "analysis": {"normalizer": {"lowercase": {"type": "custom", "filter": ["lowercase"]}}}}""";

    private final ElasticsearchClient client;
    private final ProfileDocumentMapper mapper = new ProfileDocumentMapperImpl();

    ElasticsearchProfileReadModel(ElasticsearchClient client) {
        this.client = client;
    }

    void createIndexIfMissing() {
        try {
            if (client.indices().existsAlias(request -> request.name(ALIAS)).value()) {
                return;
            }
            client.indices().create(request -> request
                    .index(INDEX)
                    .settings(settings -> settings.withJson(new StringReader(SETTINGS)))
                    .mappings(mappings -> mappings.withJson(new StringReader(MAPPING)))
                    .aliases(ALIAS, alias -> alias.isWriteIndex(true)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the profiles index", e);
        }
    }

    @Override
    public void saveAll(Collection<ProfileView> profiles) {
        if (profiles.isEmpty()) {
            return;
        }
        // No refresh per write: waiting for one per chunk capped imports at a chunk a second. A profile is readable
        // by id at once (get is real time) and findable by identifier after the next refresh, within a second.
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (ProfileView profile : profiles) {
            bulk.operations(operation -> operation.index(index -> index
                    .index(ALIAS).id(profile.profileId()).document(mapper.toDocument(profile))));
        }
        execute(bulk.build());
    }

    @Override
    public void deleteAll(Collection<String> profileIds) {
        if (profileIds.isEmpty()) {
            return;
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (String id : profileIds) {
            bulk.operations(operation -> operation.delete(delete -> delete.index(ALIAS).id(id)));
        }
        execute(bulk.build());
    }

    @Override
    public Optional<ProfileView> findById(String profileId) {
        try {
            GetResponse<ProfileDocument> response = client.get(get -> get.index(ALIAS).id(profileId), ProfileDocument.class);
            return Optional.ofNullable(response.source()).map(mapper::toView);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read profile " + profileId, e);
        }
    }

    @Override
    public Optional<ProfileView> findByIdentifier(LookupType type, String normalisedValue) {
        String field = switch (type) {
            case EMAIL -> "emails";
            case PHONE -> "phones";
            case LOYALTY_ID -> "loyaltyIds";
            case RECORD -> "recordKeys";
            case SOCIAL_HANDLE -> "socialHandles";
        };
        try {
            SearchResponse<ProfileDocument> response = client.search(search -> search
                    .index(ALIAS).size(1)
                    .query(query -> query.term(term -> term.field(field).value(normalisedValue))), ProfileDocument.class);
            return response.hits().hits().stream().findFirst()
                    .map(hit -> hit.source()).map(mapper::toView);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot look up a profile", e);
        }
    }

    @Override
    public long count() {
        try {
            return client.count(count -> count.index(ALIAS)).count();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot count profiles", e);
        }
    }

    private void execute(BulkRequest request) {
        try {
            BulkResponse response = client.bulk(request);
            if (response.errors()) {
                String reason = response.items().stream().filter(item -> item.error() != null)
                        .map(item -> item.id() + ": " + item.error().reason()).findFirst().orElse("unknown");
                throw new IllegalStateException("Elasticsearch refused profile writes, e.g. " + reason);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write profiles to Elasticsearch", e);
        }
    }
}
