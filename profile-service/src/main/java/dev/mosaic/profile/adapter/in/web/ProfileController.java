package dev.mosaic.profile.adapter.in.web;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.mosaic.identity.domain.EmailAddress;
import dev.mosaic.identity.domain.RecordKind;
import dev.mosaic.identity.domain.SocialHandle;
import dev.mosaic.identity.domain.SourceRecordKey;
import dev.mosaic.profile.application.NextBestOffers;
import dev.mosaic.profile.application.ProfileTimeline;
import dev.mosaic.profile.domain.LookupType;
import dev.mosaic.profile.domain.PhoneKey;
import dev.mosaic.profile.domain.ProfileReadModel;
import dev.mosaic.profile.domain.ProfileSearch;
import dev.mosaic.profile.domain.ProfileView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;

@RestController
@RequestMapping("/api/v1/profiles")
class ProfileController {

    static final int MAX_PAGE_SIZE = 200;
    private static final List<RecordKind> TIMELINE_KINDS = List.of(RecordKind.PURCHASE, RecordKind.TICKET,
            RecordKind.CAMPAIGN_RESPONSE, RecordKind.SOCIAL_INTERACTION);
    private static final Logger log = LoggerFactory.getLogger(ProfileController.class);

    private final ProfileReadModel profiles;
    private final ProfileTimeline timeline;
    private final NextBestOffers offers;
    private final String defaultRegion;
    private final ProfileResponseMapper mapper = new ProfileResponseMapperImpl();

    ProfileController(ProfileReadModel profiles, ProfileTimeline timeline, NextBestOffers offers,
                      @Value("${mosaic.import.default-region:DE}") String defaultRegion) {
        this.profiles = profiles;
        this.timeline = timeline;
        this.offers = offers;
        this.defaultRegion = defaultRegion;
    }

    @GetMapping("/{profileId}")
    @Operation(summary = "A unified profile by its id",
            description = "Store staff (STAFF keys) get the counter view: emails and phones masked, no birth date or "
                    + "street (docs/security.md). Golden record with survivorship, purchase aggregates and CX scores (formulas in the schema "
                    + "descriptions and docs/cx-scores.md), identifiers, source records and links.")
    ResponseEntity<ProfileResponse> byId(@PathVariable String profileId, Authentication caller) {
        return ResponseEntity.of(profiles.findById(profileId).map(this::toResponse).map(view -> forCaller(view, caller)));
    }

    @GetMapping("/{profileId}/next-best-offers")
    @Operation(summary = "Categories to offer the person, from co-purchase statistics over all profiles",
            description = "For each category the person has not bought or returned, the best rule A -> B from a "
                    + "category A they bought: customers who bought A and later B, with support, confidence and lift "
                    + "(formulas in the schema and docs/next-best-offer.md). The statistics are counted by an "
                    + "aggregation over the profile index and reused for mosaic.offers.statistics-max-age (60 s).")
    ResponseEntity<NextBestOffersResponse> nextBestOffers(@PathVariable String profileId) {
        return ResponseEntity.of(profiles.findById(profileId).map(view ->
                NextBestOffersResponse.of(profileId, offers.forProfile(view), offers.rules())));
    }

    @GetMapping("/{profileId}/timeline")
    @Operation(summary = "Every touchpoint of a profile across sources, newest first, paged",
            description = "Purchases, tickets, campaign responses and social interactions, read from the identity "
                    + "graph, so an import is visible as soon as its chunk is stored.")
    ResponseEntity<TimelineResponse> timeline(
            @PathVariable String profileId,
            @Parameter(description = "Only touchpoints of this kind: purchase, ticket, campaign_response or "
                    + "social_interaction; all when left out") @RequestParam(required = false) String kind,
            @Parameter(description = "0-based page") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "entries per page, 1.." + MAX_PAGE_SIZE) @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequestException("page must be 0 or more and size 1.." + MAX_PAGE_SIZE);
        }
        RecordKind only = kind == null || kind.isBlank() ? null : TIMELINE_KINDS.stream()
                .filter(candidate -> candidate.code().equals(kind.strip())).findFirst()
                .orElseThrow(() -> new BadRequestException("kind '" + kind + "' is not one of: purchase, ticket, "
                        + "campaign_response, social_interaction"));
        return ResponseEntity.of(timeline.page(profileId, only, page, size)
                .map(entries -> TimelineResponse.of(profileId, entries)));
    }

    @GetMapping("/lookup")
    @Operation(summary = "Find the profile that holds an identifier",
            description = "Identifiers are normalised the way the importer normalises them.")
    ResponseEntity<ProfileResponse> lookup(
            @Parameter(description = LOOKUP_TYPES) @RequestParam String type,
            @RequestParam String value, Authentication caller, HttpServletRequest request) {
        LookupType lookupType = lookupType(type);
        return ResponseEntity.of(profiles.findByIdentifier(lookupType, normalised(lookupType, value))
                .map(this::toResponse)
                .map(found -> {
                    request.setAttribute(AuditedAccess.PROFILE_ATTRIBUTE, found.profileId());
                    return forCaller(found, caller);
                }));
    }

    @GetMapping("/lookup/summary")
    @Operation(summary = "Find the profile that holds an identifier, as a result list shows it",
            description = "The same lookup, answered with the profile's id, name, city and badges only (as a search "
                    + "hit, without a score): for systems that only need to know whose identifier it is. It reads "
                    + "a few fields instead of the whole profile, and is audited like the full lookup.")
    ResponseEntity<ProfileSummaryResponse> lookupSummary(
            @Parameter(description = LOOKUP_TYPES) @RequestParam String type,
            @RequestParam String value, HttpServletRequest request) {
        LookupType lookupType = lookupType(type);
        return ResponseEntity.of(profiles.findSummaryByIdentifier(lookupType, normalised(lookupType, value))
                .map(found -> {
                    request.setAttribute(AuditedAccess.PROFILE_ATTRIBUTE, found.profileId());
                    return ProfileSummaryResponse.of(new ProfileSearch.ProfileHit(found, null));
                }));
    }

    private static final String LOOKUP_TYPES = "email, phone (any format; numbers without country code are read as "
            + "mosaic.import.default-region), loyalty_id, social_handle (platform:handle) or record (source/recordId)";

    private static LookupType lookupType(String type) {
        return LookupType.fromCode(type)
                .orElseThrow(() -> new BadRequestException("type '" + type + "' is not one of: email, phone, "
                        + "loyalty_id, social_handle, record"));
    }

    private String normalised(LookupType type, String value) {
        if (value.isBlank()) {
            throw new BadRequestException("value must not be empty");
        }
        return switch (type) {
            case EMAIL -> new EmailAddress(value).value();
            case PHONE -> phone(value);
            case SOCIAL_HANDLE -> socialHandle(value);
            case RECORD -> recordKey(value);
            default -> value.strip();
        };
    }

    /**
     * The profile with its next best offers. The offers are an extra: when the statistics cannot be counted, the
     * profile is still served, without them (null).
     */
    private ProfileResponse toResponse(ProfileView view) {
        ProfileResponse response = mapper.toResponse(view);
        try {
            return response.withNextBestOffers(offers.forProfile(view).offers().stream()
                    .map(NextBestOffersResponse.Offer::of).toList());
        } catch (RuntimeException e) {
            log.warn("Profile {} is served without next best offers: {}", view.profileId(), e.getMessage());
            return response;
        }
    }

    /** Store staff get the counter view (docs/security.md); stewards, systems and admins the full profile. */
    private static ProfileResponse forCaller(ProfileResponse full, Authentication caller) {
        return CounterView.applies(caller) ? CounterView.of(full) : full;
    }

    /**
     * Any format the importer accepts finds the number: "0151-2345678" finds "+49 151 2345678", even though that
     * number is a digit short to be valid and is kept as typed (see {@link PhoneKey}).
     */
    private String phone(String value) {
        return PhoneKey.of(value, defaultRegion)
                .orElseThrow(() -> new BadRequestException("'" + value + "' is not a phone number"));
    }

    private static String socialHandle(String value) {
        if (!SocialHandle.namesPlatform(value)) {
            throw new BadRequestException("a social handle is looked up as 'platform:handle', e.g. instagram:anna.bakes");
        }
        return SocialHandle.normalise(value);
    }

    private static String recordKey(String value) {
        int slash = value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1) {
            throw new BadRequestException("a record is looked up as 'source/recordId', e.g. crm/10042");
        }
        return new SourceRecordKey(value.substring(0, slash), value.substring(slash + 1)).toString();
    }
}
