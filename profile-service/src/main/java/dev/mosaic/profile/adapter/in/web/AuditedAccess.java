package dev.mosaic.profile.adapter.in.web;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.AsyncHandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.mosaic.profile.domain.AuditEntry;
import dev.mosaic.profile.domain.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Records every successful request of every handler in the audit trail, unless the handler is {@link NotAudited}
 * (it reads no personal data): who (the key's name or the person's user name), the action ({@link Audited}, or the
 * method and path of a handler that names none), the path without its query string (a lookup's value is personal
 * data), the profile or segment, when. Auditing is the default, so a new endpoint that returns personal data is
 * audited before anyone thinks of it; leaving one out takes a written reason ({@code AuditedAccessTest} checks that
 * every handler says which).
 * <p>
 * An answer with a body is recorded before its first byte is written ({@link AuditBeforeAnswer}), and when the entry
 * cannot be stored the answer is withheld (503): no profile leaves without its entry. A streamed export is recorded
 * when it starts streaming, and anything else (an answer without a body) when the request completes; a failure to
 * record those is logged.
 */
@Configuration(proxyBeanMethods = false)
class AuditedAccess implements AsyncHandlerInterceptor, WebMvcConfigurer {

    /** Set by a handler that finds the profile itself (a lookup), so the trail names it. */
    static final String PROFILE_ATTRIBUTE = AuditedAccess.class.getName() + ".profileId";
    /** Set by a handler that creates a segment, so the trail names it. */
    static final String SEGMENT_ATTRIBUTE = AuditedAccess.class.getName() + ".segmentId";
    private static final String RECORDED = AuditedAccess.class.getName() + ".recorded";
    private static final Logger log = LoggerFactory.getLogger(AuditedAccess.class);

    private final AuditTrail trail;
    private final Clock clock;

    AuditedAccess(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    /** A streamed export is recorded when it starts streaming: its status is already decided then. */
    @Override
    public void afterConcurrentHandlingStarted(HttpServletRequest request, HttpServletResponse response, Object handler) {
        recordOrLog(request, response.getStatus());
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        if (failure == null) {
            recordOrLog(request, response.getStatus());
        }
    }

    /**
     * Records the request before its answer is written.
     *
     * @throws AuditNotRecordedException when the entry could not be stored: the answer must not be sent
     */
    void recordBeforeAnswer(HttpServletRequest request, int status) {
        AuditEntry entry = entryOnce(request, status);
        if (entry == null) {
            return;
        }
        try {
            trail.record(entry);
        } catch (RuntimeException e) {
            log.error("Could not record {} of profile {} by '{}' in the audit trail, so the answer is withheld ({})",
                    entry.action(), entry.profileId(), entry.who(), e.getClass().getSimpleName());
            throw new AuditNotRecordedException(e);
        }
    }

    private void recordOrLog(HttpServletRequest request, int status) {
        AuditEntry entry = entryOnce(request, status);
        if (entry == null) {
            return;
        }
        try {
            trail.record(entry);
        } catch (RuntimeException e) {
            // The answer is already on its way; say that the trail has a gap, without the data that was read.
            log.error("Could not record {} of profile {} by key '{}' in the audit trail ({})", entry.action(),
                    entry.profileId(), entry.who(), e.getClass().getSimpleName());
        }
    }

    /** The entry for this request, once: null when it is not audited, failed, or was recorded already. */
    private AuditEntry entryOnce(HttpServletRequest request, int status) {
        if (request.getAttribute(RECORDED) != null || status >= 400) {
            return null;
        }
        String pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        // Set by the handler mapping, so the advice that records before the answer sees the handler too.
        Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
        String action = pattern == null ? null : action(handler, request.getMethod(), pattern);
        if (action == null) {
            return null;
        }
        request.setAttribute(RECORDED, Boolean.TRUE);
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        Map<String, String> pathVariables = variables == null ? Map.of() : variables;
        String profileId = request.getAttribute(PROFILE_ATTRIBUTE) instanceof String found ? found
                : pathVariables.get("profileId");
        String segmentId = request.getAttribute(SEGMENT_ATTRIBUTE) instanceof String created ? created
                : pattern.startsWith("/api/v1/segments/") ? pathVariables.values().stream().findFirst().orElse(null)
                : null;
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String who = caller != null ? caller.getName()
                : request.getUserPrincipal() != null ? request.getUserPrincipal().getName() : "unknown";
        return new AuditEntry(clock.instant(), who, action, request.getRequestURI(), profileId, segmentId);
    }

    /**
     * The action a successful request of this handler is recorded as; null for a handler that reads no personal data
     * ({@link NotAudited}) and for what no controller handles (static pages).
     */
    static String action(Object handler, String method, String pattern) {
        if (!(handler instanceof HandlerMethod handlerMethod)) {
            return null;
        }
        if (handlerMethod.hasMethodAnnotation(NotAudited.class)) {
            return null;
        }
        Audited audited = handlerMethod.getMethodAnnotation(Audited.class);
        return audited != null ? audited.value() : method.toLowerCase(Locale.ROOT) + " " + pattern;
    }
}
