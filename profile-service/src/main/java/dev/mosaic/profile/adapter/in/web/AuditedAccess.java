package dev.mosaic.profile.adapter.in.web;

import java.time.Clock;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.AsyncHandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.mosaic.profile.domain.AuditEntry;
import dev.mosaic.profile.domain.AuditTrail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Records every successful read of a profile (by id, lookup, search, timeline, next best offers, explain), every
 * export, every erasure and every change of a saved segment (create, update, delete) in the audit trail: who (the
 * key's name), the action, the path without its query string (a lookup's value is personal data), the profile or
 * segment, when. Done here, for every handler, so a new endpoint cannot
 * forget it.
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
        recordOnce(request, response);
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        if (failure == null) {
            recordOnce(request, response);
        }
    }

    private void recordOnce(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(RECORDED) != null || response.getStatus() >= 400) {
            return;
        }
        String pattern = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String action = pattern == null ? null : action(request.getMethod(), pattern);
        if (action == null) {
            return;
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
        try {
            trail.record(new AuditEntry(clock.instant(), who, action, request.getRequestURI(), profileId, segmentId));
        } catch (RuntimeException e) {
            // The answer is already on its way; say that the trail has a gap, without the data that was read.
            log.error("Could not record {} of profile {} by key '{}' in the audit trail: {}", action, profileId, who,
                    e.getMessage());
        }
    }

    /** What a request pattern does, if it is audited. */
    static String action(String method, String pattern) {
        boolean get = method.equals("GET");
        return switch (pattern) {
            case "/api/v1/profiles/{profileId}" -> get ? "profile.read" : method.equals("DELETE") ? "profile.erase" : null;
            case "/api/v1/profiles/lookup" -> get ? "profile.lookup" : null;
            case "/api/v1/profiles/search" -> get ? "profile.search" : null;
            case "/api/v1/profiles/{profileId}/timeline" -> get ? "profile.timeline" : null;
            case "/api/v1/profiles/{profileId}/next-best-offers" -> get ? "profile.offers" : null;
            case "/api/v1/profiles/{profileId}/explain" -> get ? "profile.explain" : null;
            case "/api/v1/profiles/{profileId}/export" -> get ? "profile.export" : null;
            case "/api/v1/segments" -> method.equals("POST") ? "segment.create" : null;
            case "/api/v1/segments/{id}" -> method.equals("PUT") ? "segment.update"
                    : method.equals("DELETE") ? "segment.delete" : null;
            case "/api/v1/cx/detractors" -> get ? "cx.detractors" : null;
            default -> pattern.startsWith("/api/v1/export/") ? "export" + pattern.substring("/api/v1/export".length())
                    .replace('/', '.')
                    : pattern.startsWith("/api/v1/segments/") && pattern.contains("/export") ? "segment.export"
                    : pattern.startsWith("/api/v1/segments/") && pattern.endsWith("/members") && get ? "segment.members"
                    : null;
        };
    }
}
