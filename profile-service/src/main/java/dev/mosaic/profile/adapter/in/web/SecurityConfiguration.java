package dev.mosaic.profile.adapter.in.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

import dev.mosaic.profile.runtime.MosaicStoreProperties;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import jakarta.servlet.DispatcherType;

/**
 * Who may call what: the role matrix of docs/security.md, path by path. The first matching rule decides, so the
 * specific paths come before the general ones.
 */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        paramName = ApiKeyAuthenticationFilter.HEADER,
        description = "An API key; its roles (STAFF, MARKETER, STEWARD, SYSTEM, ADMIN) decide which requests it may "
                + "send (docs/security.md). 401 without a valid key, 403 outside its roles, 429 past its rate limit.")
@OpenAPIDefinition(security = @SecurityRequirement(name = "apiKey"))
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
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeys apiKeys,
                                    @Value("${mosaic.rate-limit.requests-per-second:50}") double requestsPerSecond,
                                    @Value("${mosaic.rate-limit.burst:100}") int burst) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Both before the anonymous filter, in this order: the limit counts per authenticated key.
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new RateLimitFilter(new RateLimitFilter.Limit(requestsPerSecond, burst)),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // A streamed response (exports) finishes in an async dispatch of a request already authorised.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/", "/index.html", "/app.js", "/app.css", "/favicon.ico",
                                "/imports.html", "/imports.js", "/i18n.js", "/steward.html", "/steward.js",
                                "/dashboard.html", "/dashboard.js",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/health",
                                "/error").permitAll()
                        .requestMatchers("/api/v1/admin/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/profiles/*").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/profiles/*/export").hasAnyRole(SYSTEM, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/profiles/search", "/api/v1/profiles/search/**")
                        .hasAnyRole(STAFF, SYSTEM, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/profiles/*/explain").hasAnyRole(STEWARD, SYSTEM, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/profiles/lookup", "/api/v1/profiles/*",
                                "/api/v1/profiles/*/timeline").hasAnyRole(STAFF, STEWARD, SYSTEM, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/profiles/*/merge", "/api/v1/profiles/*/split")
                        .hasAnyRole(STEWARD, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/resolution/**").hasAnyRole(STEWARD, SYSTEM, ADMIN)
                        .requestMatchers("/api/v1/resolution/**").hasAnyRole(STEWARD, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/segments", "/api/v1/segments/**")
                        .hasAnyRole(MARKETER, SYSTEM, ADMIN)
                        .requestMatchers("/api/v1/segments", "/api/v1/segments/**").hasAnyRole(MARKETER, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/cx/**").hasAnyRole(MARKETER, SYSTEM, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/imports").hasAnyRole(SYSTEM, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(SYSTEM, ADMIN)
                        .requestMatchers("/api/**").hasRole(ADMIN)
                        .anyRequest().denyAll())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, failure) -> ProblemResponses.write(response,
                                401, "Unauthorized", "Send a valid API key in the X-API-Key header."))
                        .accessDeniedHandler((request, response, failure) -> ProblemResponses.write(response,
                                403, "Forbidden", "This API key's role does not allow this request.")))
                .build();
    }
}
