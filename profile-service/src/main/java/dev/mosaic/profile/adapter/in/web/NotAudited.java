package dev.mosaic.profile.adapter.in.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Leaves a handler out of the audit trail, which records every other one: for requests that read and change no
 * personal data (counts, definitions, aggregates, import status) or that record their own entries (sign-in).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface NotAudited {

    /** Why no personal data passes, e.g. "aggregates over many people". */
    String value();
}
