package dev.mosaic.imports.adapter.in.batch;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import dev.mosaic.identity.domain.CustomerRecord;
import dev.mosaic.identity.domain.EmailAddress;

/**
 * Validates a row and standardises it. A row without source or record id cannot be a record and is rejected; an
 * invalid optional value is kept as given, flagged with a warning and not used for matching.
 */
final class CustomerRowStandardiser implements ItemProcessor<CustomerRow, CustomerRecord> {

    private final CustomerRecordMapper mapper = new CustomerRecordMapperImpl();

    @Override
    public CustomerRecord process(CustomerRow row) {
        if (row.source() == null) {
            throw new InvalidRowException(row.line(), row.rawLine(), "field source: required, but empty");
        }
        if (row.recordId() == null) {
            throw new InvalidRowException(row.line(), row.rawLine(), "field record_id: required, but empty");
        }
        List<String> warnings = new ArrayList<>();
        Map<String, String> attributes = new TreeMap<>(row.extraColumns());
        LocalDate birthDate = null;
        if (row.birthDate() != null) {
            try {
                birthDate = LocalDate.parse(row.birthDate());
            } catch (DateTimeParseException e) {
                warnings.add("birth_date '" + row.birthDate() + "' is not a valid YYYY-MM-DD date; kept, not used");
                attributes.put("birth_date_raw", row.birthDate());
            }
        }
        if (row.email() != null && !new EmailAddress(row.email()).isUsableForMatching()) {
            warnings.add("email is not a well-formed address; kept, not used for matching");
        }
        putIfPresent(attributes, "street", row.street());
        putIfPresent(attributes, "postal_code", row.postalCode());
        putIfPresent(attributes, "social_handle", row.socialHandle());
        putIfPresent(attributes, "created_at", row.createdAt());
        putIfPresent(attributes, "consent_email", row.consentEmail());
        putIfPresent(attributes, "consent_sms", row.consentSms());
        return mapper.toRecord(row, birthDate, attributes, warnings);
    }

    private static void putIfPresent(Map<String, String> attributes, String name, String value) {
        if (value != null) {
            attributes.put(name, value);
        }
    }
}
