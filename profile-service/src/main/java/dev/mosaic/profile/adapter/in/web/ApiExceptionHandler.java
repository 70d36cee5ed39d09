package dev.mosaic.profile.adapter.in.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.HandlerMapping;

import dev.mosaic.identity.application.GraphBusyException;
import dev.mosaic.imports.domain.FileRejectedException;
import dev.mosaic.profile.domain.QueryRejectedException;
import dev.mosaic.profile.domain.segment.InvalidConditionException;
import jakarta.servlet.http.HttpServletRequest;

/** Bad input is answered with a problem detail that says what to change, never with a 500. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler({BadRequestException.class, FileRejectedException.class, IllegalArgumentException.class})
    ProblemDetail badRequest(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(InvalidConditionException.class)
    ProblemDetail invalidCondition(InvalidConditionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid segment condition");
        problem.setProperty("path", e.path());
        return problem;
    }

    @ExceptionHandler(dev.mosaic.identity.domain.StewardDecisionException.class)
    ProblemDetail stewardDecision(dev.mosaic.identity.domain.StewardDecisionException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }

    /** A steward's change while a full run is applied: nothing was changed, and it can be sent again later. */
    @ExceptionHandler(GraphBusyException.class)
    ResponseEntity<ProblemDetail> graphBusy(GraphBusyException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).header("Retry-After", "60")
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "query parameter '" + e.getParameterName() + "' is required");
    }

    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ProblemDetail unreadableBody(org.springframework.http.converter.HttpMessageNotReadableException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the request body is missing or not valid JSON");
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "multipart field '" + e.getRequestPartName() + "' is required");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "'" + e.getValue() + "' is not a valid " + e.getName());
    }

    @ExceptionHandler(QueryRejectedException.class)
    ProblemDetail queryRejected(QueryRejectedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** Logged where it happened ({@link AuditedAccess}); the caller learns only that it may try again. */
    @ExceptionHandler(AuditNotRecordedException.class)
    ProblemDetail auditNotRecorded(AuditNotRecordedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "This read could not be recorded in the audit trail, so it is not answered; try again shortly.");
    }

    @ExceptionHandler(java.io.UncheckedIOException.class)
    ProblemDetail storeUnavailable(java.io.UncheckedIOException e, HttpServletRequest request) {
        // The kinds of failure only: a store's message may quote what it was sent (a name, an email).
        log.warn("A store did not answer {} {} ({})", request.getMethod(), pattern(request), kinds(e));
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "A data store did not answer; try again shortly.");
    }

    /**
     * Whatever else went wrong is Mosaic's fault, not the caller's: a 500 saying so, and a log entry with where it
     * happened but without the exception's message, which may hold the data being processed.
     */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> unexpected(RuntimeException e, HttpServletRequest request) {
        if (e instanceof ErrorResponse known) {
            return ResponseEntity.status(known.getStatusCode()).body(known.getBody());
        }
        log.error("{} {} failed unexpectedly: {}", request.getMethod(), pattern(request), kinds(e));
        return ResponseEntity.internalServerError().body(ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "Mosaic could not answer this request; the failure is logged."));
    }

    private static String pattern(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern == null ? request.getRequestURI() : pattern.toString();
    }

    /** Each exception's class and where it was thrown, from the outermost to the root cause; no messages. */
    static String kinds(Throwable failure) {
        StringBuilder kinds = new StringBuilder();
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 8; cause = cause.getCause(), depth++) {
            if (depth > 0) {
                kinds.append(" <- ");
            }
            kinds.append(cause.getClass().getName());
            StackTraceElement[] frames = cause.getStackTrace();
            if (frames.length > 0) {
                kinds.append(" at ").append(frames[0]);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return kinds.toString();
    }
}
