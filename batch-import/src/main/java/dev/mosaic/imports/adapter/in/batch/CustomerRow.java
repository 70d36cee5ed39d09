package dev.mosaic.imports.adapter.in.batch;

import java.util.Map;

/** One data row of a canonical customers file, as text, with where it stands in the file. */
record CustomerRow(
        long line,
        String rawLine,
        String source,
        String recordId,
        String firstName,
        String lastName,
        String email,
        String phone,
        String birthDate,
        String street,
        String postalCode,
        String city,
        String country,
        String loyaltyId,
        String socialHandle,
        String createdAt,
        String consentEmail,
        String consentSms,
        Map<String, String> extraColumns) {
}
