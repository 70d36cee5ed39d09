package dev.mosaic.profile.adapter.in.web;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Checks a signed-in session against the accounts on every request: a disabled or removed account, or a password
 * reset after the sign-in, ends the session; changed roles apply from this request on.
 */
final class SessionUserFilter extends OncePerRequestFilter {

    private final UserAccounts accounts;

    SessionUserFilter(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current != null && current.getDetails() instanceof SessionUser user) {
            Optional<Set<Role>> roles = currentRoles(user);
            if (roles.isEmpty()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else {
                // A new context: the one read from the session stays as it was signed in.
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(authentication(user, roles.get()));
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }

    /** The roles the session has now; empty when the session must end. */
    private Optional<Set<Role>> currentRoles(SessionUser user) {
        if (user.userName().equals(ApiKeys.BOOTSTRAP_NAME)) {
            return Optional.of(EnumSet.of(Role.ADMIN));
        }
        return accounts.find(user.userName())
                .filter(UserAccounts.Account::enabled)
                .filter(account -> !account.passwordChangedAt().isAfter(user.signedInAt()))
                .map(UserAccounts.Account::roles);
    }

    static UsernamePasswordAuthenticationToken authentication(SessionUser user, Set<Role> roles) {
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(
                user.userName(), null, roles.stream().map(role -> new SimpleGrantedAuthority(role.authority()))
                        .toList());
        authentication.setDetails(user);
        return authentication;
    }
}
