package dev.mosaic.profile.adapter.in.web;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfLogoutHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.mosaic.profile.domain.AuditEntry;
import dev.mosaic.profile.domain.AuditTrail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Signing in to the pages with a user name and password, who is signed in, signing out. A sign-in starts a session
 * (cookie {@code MOSAIC_SESSION}, HttpOnly, SameSite=Strict); state-changing requests of a session carry the CSRF
 * token of the {@code XSRF-TOKEN} cookie in the {@code X-XSRF-TOKEN} header. Every sign-in, failure and sign-out is
 * audited; a password never is.
 */
@RestController
@RequestMapping(SessionController.PATH)
class SessionController {

    static final String PATH = "/api/v1/session";
    /** What the audit trail records for a user name nobody has: a password typed into the wrong field stays out. */
    static final String UNKNOWN_USER = "(unknown user)";
    private static final Logger log = LoggerFactory.getLogger(SessionController.class);

    private final UserAccounts accounts;
    private final ApiKeys apiKeys;
    private final SignInAttempts attempts;
    private final SecurityContextRepository contexts;
    private final SessionAuthenticationStrategy newSession;
    private final CsrfLogoutHandler forgetCsrfToken;
    private final AuditTrail trail;
    private final Clock clock;

    SessionController(UserAccounts accounts, ApiKeys apiKeys, SignInAttempts attempts,
                      SecurityContextRepository contexts, CsrfTokenRepository csrfTokens, AuditTrail trail,
                      Clock clock) {
        this.accounts = accounts;
        this.apiKeys = apiKeys;
        this.attempts = attempts;
        this.contexts = contexts;
        // A new session id (no fixation) and a new CSRF token at every sign-in.
        this.newSession = new CompositeSessionAuthenticationStrategy(List.of(
                new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(csrfTokens)));
        this.forgetCsrfToken = new CsrfLogoutHandler(csrfTokens);
        this.trail = trail;
        this.clock = clock;
    }

    @Schema(name = "SignIn")
    record SignIn(@Schema(example = "anna.berger") String userName,
                  @Schema(description = "The person's password; for the user name 'admin', the bootstrap admin API key")
                  String password) {
    }

    @Schema(name = "Session")
    record SessionResponse(@Schema(description = "The user name, or the API key's name") String userName,
                           String displayName,
                           @Schema(example = "[\"STAFF\"]") List<String> roles,
                           @Schema(description = "session (signed in on the login page) or apiKey") String via) {
    }

    @NotAudited("records session.signin and its failures itself")
    @PostMapping
    @SecurityRequirements
    @Operation(summary = "Signs in with user name and password and starts a session (cookie MOSAIC_SESSION)",
            description = "Needs the CSRF token: send the value of the XSRF-TOKEN cookie (set by any page, including "
                    + "/login.html) in the X-XSRF-TOKEN header. 401 for a wrong user name or password (the same "
                    + "answer for both); after repeated failures 429 with Retry-After, even for the right password.")
    @ApiResponse(responseCode = "200", description = "Signed in")
    @ApiResponse(responseCode = "401", description = "Wrong user name or password")
    @ApiResponse(responseCode = "429", description = "Too many failures for this user name; wait Retry-After seconds")
    ResponseEntity<?> signIn(@RequestBody(required = false) SignIn request, HttpServletRequest httpRequest,
                             HttpServletResponse httpResponse) {
        if (request == null || request.userName() == null || request.userName().isBlank()
                || request.password() == null || request.password().isEmpty()) {
            throw new BadRequestException("send {\"userName\": ..., \"password\": ...}");
        }
        String userName = UserAccounts.normalise(request.userName());
        String who = accounts.exists(userName) ? userName : UNKNOWN_USER;
        Optional<Duration> locked = attempts.lockedFor(userName);
        if (locked.isPresent()) {
            audit(who, "session.signin-locked");
            return tooManyFailures(locked.get());
        }
        Optional<SessionUser> user = authenticate(userName, request.password());
        if (user.isEmpty()) {
            boolean nowLocked = attempts.failed(userName);
            audit(who, "session.signin-failed");
            if (nowLocked) {
                log.warn("Sign-ins for user '{}' are paused after repeated failures", who);
                return tooManyFailures(attempts.lockedFor(userName).orElse(Duration.ofSeconds(1)));
            }
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNAUTHORIZED, "The user name or the password is wrong."));
        }
        attempts.succeeded(userName);
        Authentication authentication = SessionUserFilter.authentication(user.get(), roles(user.get()));
        newSession.onAuthentication(authentication, httpRequest, httpResponse);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, httpRequest, httpResponse);
        if (httpRequest.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken fresh) {
            fresh.getToken(); // writes the new token's cookie with this answer
        }
        audit(userName, "session.signin");
        return ResponseEntity.ok(response(authentication));
    }

    @NotAudited("says who the caller is, to the caller")
    @GetMapping
    @Operation(summary = "Who this request is: the signed-in person or the API key, with roles")
    SessionResponse current(Authentication authentication) {
        return response(authentication);
    }

    @NotAudited("records session.signout itself")
    @DeleteMapping
    @Operation(summary = "Signs out: the session ends and its cookie no longer works")
    ResponseEntity<Void> signOut(Authentication authentication, HttpServletRequest request,
                                 HttpServletResponse response) {
        if (authentication != null && authentication.getDetails() instanceof SessionUser user) {
            audit(user.userName(), "session.signout");
            forgetCsrfToken.logout(request, response, authentication);
            new SecurityContextLogoutHandler().logout(request, response, authentication);
        }
        return ResponseEntity.noContent().build();
    }

    private Optional<SessionUser> authenticate(String userName, String password) {
        if (userName.equals(ApiKeys.BOOTSTRAP_NAME)) {
            return apiKeys.isBootstrapKey(password)
                    ? Optional.of(new SessionUser(ApiKeys.BOOTSTRAP_NAME, "Administrator", clock.instant()))
                    : Optional.empty();
        }
        return accounts.authenticate(userName, password)
                .map(account -> new SessionUser(account.userName(), account.displayName(), clock.instant()));
    }

    private Set<Role> roles(SessionUser user) {
        return user.userName().equals(ApiKeys.BOOTSTRAP_NAME) ? EnumSet.of(Role.ADMIN)
                : accounts.find(user.userName()).map(UserAccounts.Account::roles).orElseThrow();
    }

    private static ResponseEntity<ProblemDetail> tooManyFailures(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many failed sign-ins for this user name; try again in " + seconds + " s.");
        problem.setProperty("retryAfterSeconds", seconds);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER,
                Long.toString(seconds)).body(problem);
    }

    private static SessionResponse response(Authentication authentication) {
        List<String> roles = authentication.getAuthorities().stream()
                .map(authority -> authority.getAuthority().replaceFirst("^ROLE_", "")).sorted().toList();
        if (authentication.getDetails() instanceof SessionUser user) {
            return new SessionResponse(user.userName(), user.displayName(), roles, "session");
        }
        return new SessionResponse(authentication.getName(), authentication.getName(), roles, "apiKey");
    }

    private void audit(String who, String action) {
        try {
            trail.record(new AuditEntry(clock.instant(), who, action, PATH, null, null));
        } catch (RuntimeException e) {
            log.error("Could not record {} of '{}' in the audit trail ({})", action, who, e.getClass().getSimpleName());
        }
    }
}
