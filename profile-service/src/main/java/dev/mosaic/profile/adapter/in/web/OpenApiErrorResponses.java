package dev.mosaic.profile.adapter.in.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The error answers every operation can give, documented on each from what it takes rather than by hand, so a new
 * endpoint is documented the day it exists: 400 when it reads parameters or a body, 401, 403, 404 when its path names
 * something, 429, and 503 when Elasticsearch does not answer. Each is a problem detail (RFC 9457) with an example. An
 * operation that documents a status itself keeps its own description.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiErrorResponses {

    @Bean
    OperationCustomizer errorResponses() {
        return OpenApiErrorResponses::document;
    }

    static Operation document(Operation operation, HandlerMethod handler) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean readsInput = (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || operation.getRequestBody() != null;
        if (readsInput) {
            add(responses, "400", "Bad input: a parameter or body that cannot be read or is out of range; the detail "
                    + "names it (a segment condition's mistake also has its JSON path). Never a 500.",
                    "Bad Request", "page must be 0 or more and size 1..100");
        }
        add(responses, "401", "No valid API key (X-API-Key) and no signed-in session.", "Unauthorized",
                "Sign in, or send a valid API key in the X-API-Key header.");
        add(responses, "403", "The key's or person's roles do not allow this request (docs/security.md), or a "
                + "session's request lacks its CSRF token.", "Forbidden", "This API key's role does not allow this request.");
        boolean namesSomething = Arrays.stream(handler.getMethodParameters())
                .anyMatch(parameter -> parameter.hasParameterAnnotation(PathVariable.class));
        if (namesSomething && !responses.containsKey("404")) {
            responses.addApiResponse("404", new ApiResponse().description("Nothing with that id (no body)."));
        }
        responses.putIfAbsent("429", problem("Too many requests for this key or person; wait Retry-After seconds.",
                "Too Many Requests", 429, "Rate limit of 50 requests per second exceeded; retry in 1 s."));
        ApiResponse limited = responses.get("429");
        if (limited.getHeaders() == null || !limited.getHeaders().containsKey("Retry-After")) {
            limited.addHeaderObject("Retry-After", new Header().description("Seconds to wait")
                    .schema(new IntegerSchema()));
        }
        // Only Elasticsearch's (and the upload folder's) failures reach the API as a store that did not answer: the
        // identity graph's driver errors are not translated, so a Neo4j outage is a 500.
        add(responses, "503", "Elasticsearch (the search index or the audit trail) did not answer; try again shortly.",
                "Service Unavailable", "A data store did not answer; try again shortly.");
        return operation.responses(responses);
    }

    private static void add(ApiResponses responses, String status, String description, String title, String detail) {
        responses.putIfAbsent(status, problem(description, title, Integer.parseInt(status), detail));
    }

    private static ApiResponse problem(String description, String title, int status, String detail) {
        ObjectSchema schema = new ObjectSchema();
        schema.addProperty("type", new StringSchema().example("about:blank"));
        schema.addProperty("title", new StringSchema());
        schema.addProperty("status", new IntegerSchema());
        schema.addProperty("detail", new StringSchema());
        schema.addProperty("instance", new StringSchema());
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(schema).example(example)));
    }
}
