package dev.mosaic.profile.adapter.in.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.mosaic.profile.runtime.MosaicStoreProperties;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may call what: the role matrix of docs/security.md, path by path. The first matching rule decides, so the
 * specific paths come before the general ones.
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        paramName = ApiKeyAuthenticationFilter.HEADER,
        description = "An API key; its roles (STAFF, MARKETER, STEWARD, SYSTEM, ADMIN) decide which requests it may "
                + "send (docs/security.md). 401 without a valid key, 403 outside its roles, 429 past its rate limit.")
@SecurityScheme(name = "session", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.COOKIE,
        paramName = "MOSAIC_SESSION",
        description = "The session of a person signed in with POST /api/v1/session (the pages use it). Its roles are "
                + "the person's. POST, PUT and DELETE also need the CSRF token: the XSRF-TOKEN cookie's value in the "
                + "X-XSRF-TOKEN header (403 without it). API keys need no CSRF token.")
@OpenAPIDefinition(security = {@SecurityRequirement(name = "apiKey"), @SecurityRequirement(name = "session")})
class SecurityConfiguration {

    private static final String STAFF = Role.STAFF.name();
    private static final String MARKETER = Role.MARKETER.name();
    private static final String STEWARD = Role.STEWARD.name();
    private static final String SYSTEM = Role.SYSTEM.name();
    private static final String ADMIN = Role.ADMIN.name();

    @Bean
    ApiKeys apiKeys(@Value("${mosaic.api-key:}") String configuredKey, MosaicStoreProperties properties) {
        return ApiKeys.bootstrap(configuredKey, properties.dataDir());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today; the {id} prefix of each stored hash lets a later default (argon2) check older hashes.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserAccounts userAccounts(MosaicStoreProperties properties, PasswordEncoder passwordEncoder, Clock clock) {
        return new UserAccounts(properties.dataDir(), passwordEncoder, clock);
    }

    @Bean
    SignInAttempts signInAttempts(@Value("${mosaic.login.max-failures:5}") int maxFailures,
                                  @Value("${mosaic.login.lockout:30s}") Duration lockout,
                                  @Value("${mosaic.login.max-lockout:15m}") Duration maxLockout, Clock clock) {
        return new SignInAttempts(maxFailures, lockout, maxLockout, clock);
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    /**
     * The CSRF token of a session, in the cookie {@code XSRF-TOKEN} that the pages read and send back in the
     * {@code X-XSRF-TOKEN} header (a cross-site page can neither read the cookie nor set the header).
     */
    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookiePath("/");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        return tokens;
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeys apiKeys, UserAccounts userAccounts,
                                    CsrfTokenRepository csrfTokens, SecurityContextRepository contexts,
                                    @Value("${mosaic.rate-limit.requests-per-second:50}") double requestsPerSecond,
                                    @Value("${mosaic.rate-limit.burst:100}") int burst) throws Exception {
        CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
        return http
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).csrfTokenRequestHandler(csrfHandler)
                        .requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken))
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.securityContextRepository(contexts))
                // Sessions come only from a sign-in (SessionController, which also changes the session id): no filter
                // may save an API key's authentication into a new session.
                .sessionManagement(session -> session.disable())
                // All before the anonymous filter, in this order: a session's roles are refreshed, a key replaces
                // the session, and the limit counts per authenticated key or person.
                .addFilterBefore(new SessionUserFilter(userAccounts), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new RateLimitFilter(new RateLimitFilter.Limit(requestsPerSecond, burst)),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // A streamed response (exports) finishes in an async dispatch of a request already authorised.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/login.html", "/*.js", "/*.css", "/favicon.ico",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/health",
                                "/error").permitAll()
                        // The pages hold no data, but show them only to people signed in (others go to the login).
                        .requestMatchers("/", "/*.html").authenticated()
                        .requestMatchers(HttpMethod.POST, SessionController.PATH).permitAll()
                        .requestMatchers(SessionController.PATH).authenticated()
                        .requestMatchers("/api/v1/admin/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/profiles/*").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/profiles/*/export").hasAnyRole(SYSTEM, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/profiles/search", "/api/v1/profiles/search/**")
                        .hasAnyRole(STAFF, SYSTEM, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/profiles/*/explain").hasAnyRole(STEWARD, SYSTEM, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/profiles/*/history").hasAnyRole(STEWARD, SYSTEM, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/profiles/lookup", "/api/v1/profiles/lookup/summary",
                                "/api/v1/profiles/*",
                                "/api/v1/profiles/*/timeline", "/api/v1/profiles/*/next-best-offers")
                        .hasAnyRole(STAFF, STEWARD, SYSTEM, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/profiles/*/merge", "/api/v1/profiles/*/split")
                        .hasAnyRole(STEWARD, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/resolution/**").hasAnyRole(STEWARD, SYSTEM, ADMIN)
                        .requestMatchers("/api/v1/resolution/**").hasAnyRole(STEWARD, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/segments", "/api/v1/segments/**")
                        .hasAnyRole(MARKETER, SYSTEM, ADMIN)
                        // A preview counts and sums up; it changes nothing, so SYSTEM reads it like a saved segment.
                        .requestMatchers(HttpMethod.POST, "/api/v1/segments/preview", "/api/v1/segments/preview/stats")
                        .hasAnyRole(MARKETER, SYSTEM, ADMIN)
                        .requestMatchers("/api/v1/segments", "/api/v1/segments/**").hasAnyRole(MARKETER, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/cx/**").hasAnyRole(MARKETER, SYSTEM, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/imports").hasAnyRole(SYSTEM, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(SYSTEM, ADMIN)
                        .requestMatchers("/api/**").hasRole(ADMIN)
                        .anyRequest().denyAll())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(SecurityConfiguration::signInFirst)
                        .accessDeniedHandler(SecurityConfiguration::refuse))
                .build();
    }

    /**
     * Which requests must carry the CSRF token: state-changing requests a browser's session cookie could authenticate,
     * and the sign-in itself (no forged sign-in into somebody else's account). A request with an API key is
     * authenticated by the key alone ({@link ApiKeyAuthenticationFilter}), and a browser cannot send that header
     * cross-site, so API clients send no token.
     */
    static boolean needsCsrfToken(HttpServletRequest request) {
        return switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS", "TRACE" -> false;
            default -> request.getHeader(ApiKeyAuthenticationFilter.HEADER) == null
                    && (request.getSession(false) != null || isSignIn(request));
        };
    }

    private static boolean isSignIn(HttpServletRequest request) {
        return request.getRequestURI().equals(request.getContextPath() + SessionController.PATH);
    }

    /** 401 problem JSON for the API; a page sends the browser to the login, which comes back to the page. */
    private static void signInFirst(HttpServletRequest request, HttpServletResponse response,
                                    AuthenticationException failure) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/") || path.endsWith(".html")) {
            response.sendRedirect(request.getContextPath() + "/login.html?next="
                    + URLEncoder.encode(path, StandardCharsets.UTF_8));
            return;
        }
        ProblemResponses.write(response, 401, "Unauthorized",
                "Sign in, or send a valid API key in the X-API-Key header.");
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response,
                               AccessDeniedException failure) throws IOException {
        if (failure instanceof CsrfException) {
            ProblemResponses.write(response, 403, "Forbidden", "The request lacks this page's security token "
                    + "(CSRF); reload the page and try again.");
            return;
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        ProblemResponses.write(response, 403, "Forbidden", caller != null && caller.getDetails() instanceof SessionUser
                ? "Your roles do not allow this request." : "This API key's role does not allow this request.");
    }

    /** Reads the CSRF token on every request without an API key, so its cookie is set before a page needs it. */
    private static final class CsrfCookieFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getHeader(ApiKeyAuthenticationFilter.HEADER) == null
                    && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
