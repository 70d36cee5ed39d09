package dev.mosaic.profile.adapter.in.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The action a successful request of this handler is recorded as in the audit trail ({@link AuditedAccess}). Every
 * handler is audited unless it is {@link NotAudited}; this names the action, which otherwise is the method and path.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Audited {

    /** e.g. {@code profile.read}. */
    String value();
}
