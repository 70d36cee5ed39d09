package dev.mosaic.profile.adapter.in.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import dev.mosaic.imports.domain.FileRejectedException;
import dev.mosaic.profile.domain.segment.InvalidConditionException;

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

    /** Logged where it happened ({@link AuditedAccess}); the caller learns only that it may try again. */
    @ExceptionHandler(AuditNotRecordedException.class)
    ProblemDetail auditNotRecorded(AuditNotRecordedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "This read could not be recorded in the audit trail, so it is not answered; try again shortly.");
    }

    @ExceptionHandler(java.io.UncheckedIOException.class)
    ProblemDetail storeUnavailable(java.io.UncheckedIOException e) {
        log.warn("A store did not answer: {}", e.getMessage());
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "A data store did not answer; try again shortly.");
    }
}
