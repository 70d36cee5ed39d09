package dev.mosaic.profile.adapter.in.web;

import java.io.IOException;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates a request by the API key in its {@value #HEADER} header: the key's name is the principal (what the
 * audit trail records), its roles the authorities, the stored key (never its secret) the details.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    private final ApiKeys apiKeys;

    ApiKeyAuthenticationFilter(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented != null) {
            // A request that sends a key is the key's alone: a session cookie sent along neither helps nor counts. A new
            // context, never a change of the one read from the session, which the session keeps.
            SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
        }
        apiKeys.authenticate(presented).ifPresent(key -> {
            UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(
                    key.name(), null, key.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority()))
                            .toList());
            authentication.setDetails(key);
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(authentication);
            SecurityContextHolder.setContext(context);
        });
        chain.doFilter(request, response);
    }
}
