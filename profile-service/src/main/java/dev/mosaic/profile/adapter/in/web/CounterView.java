package dev.mosaic.profile.adapter.in.web;

import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * What store staff see of a profile: enough to recognise and serve the person at the counter (name, city, loyalty id,
 * purchases, CX scores, consent, the first letter and domain of an email, the last three digits of a phone), not
 * the raw contact data (full emails and phone numbers, birth date, street). Same schema as the full profile, so the
 * counter page reads both.
 */
final class CounterView {

    private static final Set<String> FULL_VIEW = Set.of(Role.STEWARD.authority(), Role.SYSTEM.authority(),
            Role.ADMIN.authority());

    private CounterView() {
    }

    /** True for a caller who may read profiles only as store staff. */
    static boolean applies(Authentication caller) {
        return caller != null && caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .noneMatch(FULL_VIEW::contains);
    }

    static ProfileResponse of(ProfileResponse full) {
        return new ProfileResponse(full.profileId(), full.displayName(),
                maskAll(full.emails(), true), maskAll(full.phones(), false), full.loyaltyIds(), full.socialHandles(),
                full.cities(), golden(full.golden()), full.purchases(), full.cx(), full.nextBestOffers(),
                full.sourceRecords() == null ? null : full.sourceRecords().stream().map(record ->
                        new ProfileResponse.SourceRecord(record.source(), record.recordId(), record.kind(),
                                record.firstName(), record.lastName(), maskEmail(record.email()),
                                maskPhone(record.phone()), null, record.city(), record.country(), record.loyaltyId(),
                                record.socialHandle(), record.occurredAt(), record.warnings())).toList(),
                full.links(), full.updatedAt());
    }

    private static GoldenRecordResponse golden(GoldenRecordResponse golden) {
        if (golden == null) {
            return null;
        }
        GoldenRecordResponse.GoldenAddress address = golden.address() == null ? null
                : new GoldenRecordResponse.GoldenAddress(null, null, golden.address().city(),
                golden.address().source(), golden.address().recordId(), golden.address().decidedBy(), List.of());
        return new GoldenRecordResponse(golden.firstName(), golden.lastName(), masked(golden.email(), true),
                masked(golden.phone(), false), null, address, golden.country(), golden.loyaltyId(),
                golden.emailConsent(), golden.smsConsent());
    }

    private static GoldenRecordResponse.GoldenValue masked(GoldenRecordResponse.GoldenValue value, boolean email) {
        if (value == null) {
            return null;
        }
        return new GoldenRecordResponse.GoldenValue(email ? maskEmail(value.value()) : maskPhone(value.value()),
                value.source(), value.recordId(), value.decidedBy(), List.of());
    }

    private static List<String> maskAll(List<String> values, boolean email) {
        return values == null ? null : values.stream().map(value -> email ? maskEmail(value) : maskPhone(value))
                .toList();
    }

    /** anna.schmidt@example.de becomes a***@example.de. */
    static String maskEmail(String email) {
        if (email == null || email.isEmpty()) {
            return email;
        }
        int at = email.lastIndexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    /** +49 151 23456789 becomes ***789. */
    static String maskPhone(String phone) {
        if (phone == null || phone.isEmpty()) {
            return phone;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        return "***" + (digits.length() > 3 ? digits.substring(digits.length() - 3) : "");
    }
}
