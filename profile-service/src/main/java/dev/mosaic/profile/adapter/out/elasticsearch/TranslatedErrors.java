package dev.mosaic.profile.adapter.out.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import dev.mosaic.profile.domain.QueryRejectedException;

/**
 * The client's transport, with Elasticsearch's error answers turned into what the rest of Mosaic understands, in one
 * place for every request: a refusal of the request itself (400: a value it cannot read, a field limit) becomes a
 * {@link QueryRejectedException}, answered as a 400 that does not quote Elasticsearch; any other error answer (an
 * overloaded or broken cluster, a missing index) is a store that did not answer, a 503. Elasticsearch's reason can
 * quote the request's values, so only its error type is logged.
 */
final class TranslatedErrors implements ElasticsearchTransport {

    private static final Logger log = LoggerFactory.getLogger(TranslatedErrors.class);

    private final ElasticsearchTransport transport;

    TranslatedErrors(ElasticsearchTransport transport) {
        this.transport = transport;
    }

    @Override
    public <RequestT, ResponseT, ErrorT> ResponseT performRequest(RequestT request,
                                                                  Endpoint<RequestT, ResponseT, ErrorT> endpoint,
                                                                  TransportOptions options) throws IOException {
        try {
            return transport.performRequest(request, endpoint, options);
        } catch (ElasticsearchException e) {
            throw translate(e);
        }
    }

    static RuntimeException translate(ElasticsearchException e) {
        String type = e.error() == null ? "unknown" : e.error().type();
        String rootType = e.error() == null || e.error().rootCause().isEmpty() ? type
                : e.error().rootCause().getFirst().type();
        if (e.status() == 400) {
            log.warn("Elasticsearch refused a request to {} ({}, caused by {}); answered as a bad request",
                    e.endpointId(), type, rootType);
            return new QueryRejectedException("The search index cannot answer this request as asked: a value is "
                    + "beyond what it can compare (a number too large, a date it cannot read). Check the numbers "
                    + "and dates of the request.");
        }
        log.warn("Elasticsearch answered {} to a request to {} ({}, caused by {})", e.status(), e.endpointId(), type,
                rootType);
        return new UncheckedIOException(new IOException("Elasticsearch answered " + e.status() + " (" + type + ")"));
    }

    @Override
    public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(
            RequestT request, Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
        return transport.performRequestAsync(request, endpoint, options).exceptionallyCompose(failure ->
                CompletableFuture.failedFuture(failure instanceof ElasticsearchException e ? translate(e) : failure));
    }

    @Override
    public JsonpMapper jsonpMapper() {
        return transport.jsonpMapper();
    }

    @Override
    public TransportOptions options() {
        return transport.options();
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }
}
