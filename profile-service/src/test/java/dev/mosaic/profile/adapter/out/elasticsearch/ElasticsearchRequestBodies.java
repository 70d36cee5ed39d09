package dev.mosaic.profile.adapter.out.elasticsearch;

import java.io.StringWriter;
import java.time.Clock;
import java.util.Optional;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.JsonpSerializable;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import dev.mosaic.profile.domain.LookupType;
import dev.mosaic.profile.domain.SearchQuery;
import dev.mosaic.profile.domain.segment.Condition;
import jakarta.json.stream.JsonGenerator;

/**
 * The request bodies the adapter sends for a lookup, a search and a segment count, as JSON text: the benchmark sends
 * exactly these straight to Elasticsearch over HTTP (the floor), without Mosaic and without the Java client.
 */
public final class ElasticsearchRequestBodies {

    private static final JsonpMapper JSON = new JacksonJsonpMapper();

    private final String alias;
    private final ElasticsearchProfileSearch search;

    public ElasticsearchRequestBodies(String alias, Clock clock) {
        this.alias = alias;
        this.search = new ElasticsearchProfileSearch(null, alias, clock);
    }

    /** The path (with the query string the Java client adds) a search or lookup body is sent to. */
    public String searchPath() {
        return "/" + alias + "/_search?typed_keys=true";
    }

    public String countPath() {
        return "/" + alias + "/_count";
    }

    public String lookup(LookupType type, String normalisedValue) {
        return render(ElasticsearchProfileReadModel.lookupRequest(alias, type, normalisedValue));
    }

    public String summaryLookup(LookupType type, String normalisedValue) {
        return render(ElasticsearchProfileReadModel.summaryLookupRequest(alias, type, normalisedValue));
    }

    /** The first request of a search: the one that answers unless nothing matched (then the two-typo fallback). */
    public String search(SearchQuery query, int page, int size) {
        return render(search.searchRequest(query, Optional.empty(), page, size, false));
    }

    /** The second request of a search, sent when the first found nothing: two typing errors allowed. */
    public String fallbackSearch(SearchQuery query, int page, int size) {
        return render(search.searchRequest(query, Optional.empty(), page, size, true));
    }

    public String count(Condition condition) {
        return render(search.countRequest(condition));
    }

    private static String render(JsonpSerializable request) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = JSON.jsonProvider().createGenerator(text)) {
            request.serialize(generator, JSON);
        }
        return text.toString();
    }
}
