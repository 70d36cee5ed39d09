package dev.mosaic.profile.adapter.out.elasticsearch;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ExpandWildcard;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import dev.mosaic.profile.domain.LookupType;
import dev.mosaic.profile.domain.ProfileReadModel;
import dev.mosaic.profile.domain.ProfileSummary;
import dev.mosaic.profile.domain.ProfileView;

/**
 * Profiles in Elasticsearch, read through the alias ({@code profiles}) from a versioned index ({@code profiles-v6}).
 * When the mapping changes, the version goes up: at start the new index is created beside the old one, which keeps
 * serving reads while every profile is projected into the new one; then the alias moves to the new index in one
 * atomic step and the old index is deleted. A rebuild in the same layout works alike, into a fresh index of the same
 * version ({@code profiles-v5-<time>}) that is written together with the serving one, so the serving index stays
 * current and documents of profiles the graph no longer holds are left behind with the old index.
 * <p>
 * Writes carry an external version (a stamp taken before the graph was read): Elasticsearch keeps the document of
 * the latest version, whatever order concurrent writers arrive in.
 */
final class ElasticsearchProfileReadModel implements ProfileReadModel {

    static final String ALIAS = "profiles";
    static final int VERSION = 6;
    private static final DateTimeFormatter REBUILD_SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchProfileReadModel.class);

    private final ElasticsearchClient client;
    private final String alias;
    private final String index;
    private final ProfileDocumentMapper mapper = new ProfileDocumentMapperImpl();
    /** Where writes go: the alias; while rebuilding, the new index too (or only, when the old layout differs). */
    private volatile List<String> writeTargets;
    /** The index being filled by a rebuild; null when not rebuilding. */
    private volatile String rebuildIndex;
    /** The indices the alias pointed to before a rebuild began; empty when not rebuilding. */
    private volatile List<String> previousIndices = List.of();

    ElasticsearchProfileReadModel(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
        this.index = alias + "-v" + VERSION;
        this.writeTargets = List.of(alias);
    }

    /** The name of the first index of the current version; rebuilds add a suffix to it. */
    String index() {
        return index;
    }

    /** Whether {@code name} is an index of the current version: {@code profiles-v5} or {@code profiles-v5-<time>}. */
    private boolean ofCurrentVersion(String name) {
        return name.equals(index) || name.startsWith(index + "-");
    }

    /**
     * Creates the current index version behind the alias, or beside an older version to be rebuilt into, and deletes
     * what an unfinished rebuild left.
     */
    synchronized void prepareIndex() {
        try {
            List<String> current = aliasTargets();
            // An index of this version without the alias was left by a rebuild that was interrupted, or given up
            // while Elasticsearch could not delete it. It may hold documents of people erased since: it goes.
            for (String leftover : indicesOfCurrentVersion()) {
                if (!current.contains(leftover)) {
                    client.indices().delete(request -> request.index(leftover));
                }
            }
            if (current.stream().anyMatch(this::ofCurrentVersion)) {
                return;
            }
            createIndex(index, current.isEmpty());
            if (!current.isEmpty()) {
                log.info("The profile index {} replaces {}; it is filled from the identity graph, then swapped in",
                        index, current);
                previousIndices = current;
                rebuildIndex = index;
                // The old layout may not take documents of the new one.
                writeTargets = List.of(index);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the profiles index", e);
        }
    }

    private List<String> aliasTargets() throws IOException {
        return client.indices().existsAlias(request -> request.name(alias)).value()
                ? List.copyOf(client.indices().getAlias(request -> request.name(alias)).result().keySet())
                : List.of();
    }

    private List<String> indicesOfCurrentVersion() throws IOException {
        return client.indices().get(request -> request.index(index + "*").allowNoIndices(true)
                        .expandWildcards(ExpandWildcard.Open, ExpandWildcard.Closed)).result().keySet().stream()
                .filter(this::ofCurrentVersion).toList();
    }

    private void createIndex(String name, boolean behindTheAlias) throws IOException {
        client.indices().create(request -> {
            request.index(name)
                    .settings(settings -> settings.withJson(new StringReader(ProfileIndexMapping.SETTINGS)))
                    .mappings(mappings -> mappings.withJson(new StringReader(ProfileIndexMapping.MAPPING)));
            return behindTheAlias ? request.aliases(alias, a -> a.isWriteIndex(true)) : request;
        });
    }

    @Override
    public boolean awaitsRebuild() {
        return !previousIndices.isEmpty();
    }

    @Override
    public synchronized void beginRebuild() {
        if (awaitsRebuild()) {
            return;
        }
        try {
            List<String> current = aliasTargets();
            String fresh = index + "-" + REBUILD_SUFFIX.format(Instant.now());
            createIndex(fresh, current.isEmpty());
            if (current.isEmpty()) {
                return;
            }
            previousIndices = current;
            rebuildIndex = fresh;
            writeTargets = List.of(alias, fresh);
            log.info("Rebuilding the profile index into {} beside {}", fresh, current);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a fresh profiles index", e);
        }
    }

    @Override
    public synchronized void completeRebuild() {
        List<String> previous = previousIndices;
        String rebuilt = rebuildIndex;
        if (previous.isEmpty()) {
            return;
        }
        try {
            client.indices().refresh(request -> request.index(rebuilt));
            client.indices().updateAliases(request -> request
                    .actions(action -> action.remove(remove -> remove.indices(previous).alias(alias)))
                    .actions(action -> action.add(add -> add.index(rebuilt).alias(alias).isWriteIndex(true))));
            writeTargets = List.of(alias);
            previousIndices = List.of();
            rebuildIndex = null;
            client.indices().delete(request -> request.index(previous));
            log.info("The alias {} now points to {}; deleted {}", alias, rebuilt, previous);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot swap the profiles index", e);
        }
    }

    @Override
    public synchronized void abandonRebuild() {
        String abandoned = rebuildIndex;
        if (abandoned == null || !writeTargets.contains(alias)) {
            // A new layout cannot be given up: the old one cannot serve it. The next start begins it again.
            return;
        }
        writeTargets = List.of(alias);
        previousIndices = List.of();
        rebuildIndex = null;
        try {
            client.indices().delete(request -> request.index(abandoned));
        } catch (IOException | RuntimeException e) {
            log.warn("Could not delete the abandoned profile index {} ({}); the next start deletes it", abandoned,
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public void saveAll(Collection<ProfileView> profiles) {
        if (profiles.isEmpty()) {
            return;
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (String target : writeTargets) {
            for (ProfileView profile : profiles) {
                bulk.operations(operation -> operation.index(index -> index
                        .index(target).id(profile.profileId()).document(mapper.toDocument(profile))));
            }
        }
        refuseAll(execute(bulk.build()));
    }

    @Override
    public Refusals saveAll(Collection<ProfileView> profiles, Collection<String> deletedProfileIds, long version) {
        if (profiles.isEmpty() && deletedProfileIds.isEmpty()) {
            return Refusals.none();
        }
        // No refresh per write: waiting for one per chunk capped imports at a chunk a second. A profile is readable
        // by id at once (get is real time) and findable by identifier after the next refresh, within a second.
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (String target : writeTargets) {
            for (ProfileView profile : profiles) {
                ProfileDocument document = mapper.toDocument(profile);
                bulk.operations(operation -> operation.index(write -> write.index(target).id(profile.profileId())
                        .document(document).version(version).versionType(VersionType.ExternalGte)));
            }
            for (String id : deletedProfileIds) {
                bulk.operations(operation -> operation.delete(delete -> delete.index(target).id(id)
                        .version(version).versionType(VersionType.ExternalGte)));
            }
        }
        return execute(bulk.build());
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
        String field = identifierField(type);
        return SearchRequest.of(search -> search.index(alias).size(1).trackTotalHits(total -> total.enabled(false))
                .query(query -> query.bool(bool -> bool.filter(filter -> filter
                        .term(term -> term.field(field).value(normalisedValue))))));
    }

    @Override
    public List<ProfileView> findByAnyIdentifier(LookupType type, Collection<String> normalisedValues, int limit) {
        if (normalisedValues.isEmpty()) {
            return List.of();
        }
        String field = identifierField(type);
        List<FieldValue> values = normalisedValues.stream().map(FieldValue::of).toList();
        try {
            return client.search(search -> search.index(alias).size(limit)
                            .query(query -> query.terms(terms -> terms.field(field).terms(t -> t.value(values))))
                            .sort(sort -> sort.field(f -> f.field("profileId"))), ProfileDocument.class)
                    .hits().hits().stream().map(hit -> mapper.toView(hit.source())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot look up profiles", e);
        }
    }

    private static String identifierField(LookupType type) {
        return switch (type) {
            case EMAIL -> "emails";
            case PHONE -> "phoneKeys";
            case LOYALTY_ID -> "loyaltyIds";
            case RECORD -> "recordKeys";
            case SOCIAL_HANDLE -> "socialHandles";
        };
    }

    @Override
    public long count() {
        try {
            return client.count(count -> count.index(alias)).count();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot count profiles", e);
        }
    }

    /**
     * The documents Elasticsearch refused, and the kind of the first error. Only the error's type is kept: its reason
     * may quote a document's values (a name, an email), which must not reach an exception text or a log.
     */
    private Refusals execute(BulkRequest request) {
        BulkResponse response;
        try {
            response = client.bulk(request);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write profiles to Elasticsearch", e);
        }
        return response.errors() ? refusals(response.items()) : Refusals.none();
    }

    /** A later version already held is no refusal: that document is newer than the one offered. */
    static Refusals refusals(List<BulkResponseItem> items) {
        Set<String> refused = new LinkedHashSet<>();
        String reason = null;
        for (BulkResponseItem item : items) {
            if (item.error() != null && item.status() != 409) {
                refused.add(item.id());
                reason = reason == null ? item.error().type() : reason;
            }
        }
        return new Refusals(refused, reason);
    }

    private static void refuseAll(Refusals refusals) {
        if (!refusals.profileIds().isEmpty()) {
            throw new IllegalStateException("Elasticsearch refused " + refusals.profileIds().size()
                    + " profile document(s): " + refusals.reason() + ", e.g. profile "
                    + refusals.profileIds().iterator().next());
        }
    }
}
