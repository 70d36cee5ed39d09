package dev.mosaic.imports.adapter.in.batch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.mosaic.identity.domain.EmailAddress;
import dev.mosaic.identity.domain.PhoneNumber;

/** The standardised values of one row that say who the person is, before they are shaped into a record. */
record ContactFields(
        String source,
        String recordId,
        String firstName,
        String lastName,
        EmailAddress email,
        PhoneNumber phone,
        LocalDate birthDate,
        String city,
        String postalCode,
        String country,
        String loyaltyId,
        String socialHandle,
        Instant occurredAt,
        Map<String, String> attributes,
        List<String> warnings) {
}
