package dev.mosaic.profile.adapter.in.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

import dev.mosaic.profile.runtime.MosaicStoreProperties;
import jakarta.servlet.DispatcherType;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    ApiKeys apiKeys(@Value("${mosaic.api-key:}") String configuredKey, MosaicStoreProperties properties) {
        return ApiKeys.bootstrap(configuredKey, properties.dataDir());
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeys apiKeys) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // A streamed response (exports) finishes in an async dispatch of a request already authorised.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/", "/index.html", "/app.js", "/app.css", "/favicon.ico",
                                "/imports.html", "/imports.js", "/i18n.js", "/steward.html", "/steward.js",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/health",
                                "/error").permitAll()
                        .requestMatchers("/api/**").hasRole("ADMIN")
                        .anyRequest().denyAll())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, failure) -> {
                            response.setStatus(401);
                            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                                    + "\"detail\":\"Send a valid API key in the X-API-Key header.\"}");
                        })
                        .accessDeniedHandler((request, response, failure) -> {
                            response.setStatus(403);
                            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                                    + "\"detail\":\"This API key's role does not allow this request.\"}");
                        }))
                .build();
    }
}
