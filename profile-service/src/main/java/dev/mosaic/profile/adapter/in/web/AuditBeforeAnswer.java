package dev.mosaic.profile.adapter.in.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Records an audited request in the trail after its handler succeeded and before its answer is written
 * ({@link AuditedAccess#recordBeforeAnswer}): the moment when the status is decided and nothing has left yet. Later,
 * part of a large answer could already be on its way to the client.
 */
@ControllerAdvice
class AuditBeforeAnswer implements ResponseBodyAdvice<Object> {

    private final AuditedAccess audited;

    AuditBeforeAnswer(AuditedAccess audited) {
        this.audited = audited;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (request instanceof ServletServerHttpRequest servletRequest
                && response instanceof ServletServerHttpResponse servletResponse) {
            audited.recordBeforeAnswer(servletRequest.getServletRequest(),
                    servletResponse.getServletResponse().getStatus());
        }
        return body;
    }
}
