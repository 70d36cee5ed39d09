package dev.mosaic.profile.adapter.out.elasticsearch;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import dev.mosaic.profile.domain.LookupType;
import dev.mosaic.profile.domain.ProfileReadModel;
import dev.mosaic.profile.domain.ProfileSummary;
import dev.mosaic.profile.domain.ProfileView;

/**
 * Profiles in Elasticsearch, read through the alias ({@code profiles}) from a versioned index ({@code profiles-v6}).
 * When the mapping changes, the version goes up: at start the new index is created beside the old one, which keeps
 * serving reads while every profile is projected into the new one; then the alias moves to the new index in one
 * atomic step and the old index is deleted.
 */
final class ElasticsearchProfileReadModel implements ProfileReadModel {

    static final String ALIAS = "profiles";
    static final int VERSION = 6;

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchProfileReadModel.class);

    private final ElasticsearchClient client;
    private final String alias;
    private final String index;
    private final ProfileDocumentMapper mapper = new ProfileDocumentMapperImpl();
    /** Where writes go: the alias, or the new index while it is being filled. */
    private volatile String writeTarget;
    /** The indices the alias pointed to before a new version was created; empty when not rebuilding. */
    private volatile List<String> previousIndices = List.of();

    ElasticsearchProfileReadModel(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
        this.index = alias + "-v" + VERSION;
        this.writeTarget = alias;
    }

    String index() {
        return index;
    }

    /** Creates the current index version behind the alias, or beside an older version to be rebuilt into. */
    void prepareIndex() {
        try {
            List<String> current = client.indices().existsAlias(request -> request.name(alias)).value()
                    ? List.copyOf(client.indices().getAlias(request -> request.name(alias)).result().keySet())
                    : List.of();
            if (current.contains(index)) {
                return;
            }
            // An index of this version without the alias was left by an interrupted rebuild: start it over.
            if (client.indices().exists(request -> request.index(index)).value()) {
                client.indices().delete(request -> request.index(index));
            }
            client.indices().create(request -> {
                request.index(index)
                        .settings(settings -> settings.withJson(new StringReader(ProfileIndexMapping.SETTINGS)))
                        .mappings(mappings -> mappings.withJson(new StringReader(ProfileIndexMapping.MAPPING)));
                return current.isEmpty() ? request.aliases(alias, a -> a.isWriteIndex(true)) : request;
            });
            if (!current.isEmpty()) {
                log.info("The profile index {} replaces {}; it is filled from the identity graph, then swapped in",
                        index, current);
                previousIndices = current;
                writeTarget = index;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the profiles index", e);
        }
    }

    @Override
    public boolean awaitsRebuild() {
        return !previousIndices.isEmpty();
    }

    @Override
    public void completeRebuild() {
        List<String> previous = previousIndices;
        if (previous.isEmpty()) {
            return;
        }
        try {
            client.indices().refresh(request -> request.index(index));
            client.indices().updateAliases(request -> request
                    .actions(action -> action.remove(remove -> remove.indices(previous).alias(alias)))
                    .actions(action -> action.add(add -> add.index(index).alias(alias).isWriteIndex(true))));
            writeTarget = alias;
            previousIndices = List.of();
            client.indices().delete(request -> request.index(previous));
            log.info("The alias {} now points to {}; deleted {}", alias, index, previous);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot swap the profiles index", e);
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
                    .index(writeTarget).id(profile.profileId()).document(mapper.toDocument(profile))));
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
            bulk.operations(operation -> operation.delete(delete -> delete.index(writeTarget).id(id)));
        }
        execute(bulk.build());
    }

    @Override
    public Optional<ProfileView> findById(String profileId) {
        try {
            GetResponse<ProfileDocument> response = client.get(get -> get.index(alias).id(profileId), ProfileDocument.class);
            return Optional.ofNullable(response.source()).map(mapper::toView);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read profile " + profileId, e);
        }
    }

    @Override
    public Optional<ProfileView> findByIdentifier(LookupType type, String normalisedValue) {
        try {
            SearchResponse<ProfileDocument> response = client.search(lookupRequest(alias, type, normalisedValue),
                    ProfileDocument.class);
            return response.hits().hits().stream().findFirst()
                    .map(hit -> hit.source()).map(mapper::toView);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot look up a profile", e);
        }
    }

    @Override
    public Optional<ProfileSummary> findSummaryByIdentifier(LookupType type, String normalisedValue) {
        try {
            SearchResponse<ProfileSummaryDocument> response = client.search(
                    summaryLookupRequest(alias, type, normalisedValue), ProfileSummaryDocument.class);
            return response.hits().hits().stream().findFirst()
                    .map(hit -> hit.source()).map(ProfileSummaryDocument::toSummary);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot look up a profile", e);
        }
    }

    /** The lookup reading only the fields of a {@link ProfileSummaryDocument}. */
    static SearchRequest summaryLookupRequest(String alias, LookupType type, String normalisedValue) {
        SearchRequest lookup = lookupRequest(alias, type, normalisedValue);
        return SearchRequest.of(search -> search.index(alias).size(1).trackTotalHits(lookup.trackTotalHits())
                .query(lookup.query()).source(source -> source.filter(filter -> filter
                        .includes(ProfileSummaryDocument.FIELDS))));
    }

    /**
     * The profile holding an identifier: a term on its keyword field in filter context (no scoring: every holder
     * scores alike anyway) and no counting of further holders, which a lookup never shows.
     */
    static SearchRequest lookupRequest(String alias, LookupType type, String normalisedValue) {
        String field = switch (type) {
            case EMAIL -> "emails";
            case PHONE -> "phoneKeys";
            case LOYALTY_ID -> "loyaltyIds";
            case RECORD -> "recordKeys";
            case SOCIAL_HANDLE -> "socialHandles";
        };
        return SearchRequest.of(search -> search.index(alias).size(1).trackTotalHits(total -> total.enabled(false))
                .query(query -> query.bool(bool -> bool.filter(filter -> filter
                        .term(term -> term.field(field).value(normalisedValue))))));
    }

    @Override
    public long count() {
        try {
            return client.count(count -> count.index(alias)).count();
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
