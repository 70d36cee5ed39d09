package dev.mosaic.profile.adapter.in.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

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
import dev.mosaic.profile.domain.ProfileSummary;
import dev.mosaic.profile.domain.ProfileView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

    @Audited("profile.read")
    @GetMapping("/{profileId}")
    @Operation(summary = "A unified profile by its id",
            description = "Store staff (STAFF keys) get the counter view: emails and phones masked, no birth date or "
                    + "street (docs/security.md). Golden record with survivorship, purchase aggregates and CX scores (formulas in the schema "
                    + "descriptions and docs/cx-scores.md), identifiers, source records and links.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProfileResponse.class),
            examples = @ExampleObject(name = "Anna Schmidt", value = OpenApiExamples.PROFILE)))
    ResponseEntity<ProfileResponse> byId(@PathVariable String profileId, Authentication caller) {
        return ResponseEntity.of(profiles.findById(profileId).map(this::toResponse).map(view -> forCaller(view, caller)));
    }

    @Audited("profile.offers")
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

    @Audited("profile.timeline")
    @GetMapping("/{profileId}/timeline")
    @Operation(summary = "Every touchpoint of a profile across sources, newest first, paged",
            description = "Purchases, tickets, campaign responses and social interactions, read from the identity "
                    + "graph, so an import is visible as soon as its chunk is stored.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TimelineResponse.class),
            examples = @ExampleObject(name = "a ticket and a purchase", value = OpenApiExamples.TIMELINE)))
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

    @Audited("profile.lookup")
    @GetMapping("/lookup")
    @Operation(summary = "Find the profile that holds an identifier",
            description = "Identifiers are normalised the way the importer normalises them.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProfileResponse.class),
            examples = @ExampleObject(name = "found by 0151-2345678", value = OpenApiExamples.PROFILE)))
    @ApiResponse(responseCode = "409", description = "A phone number typed without country code that people in two "
            + "other countries hold: type it with its country code")
    ResponseEntity<ProfileResponse> lookup(
            @Parameter(description = "email, phone, loyalty_id, social_handle or record", example = "phone")
            @RequestParam String type,
            @Parameter(description = "The identifier as typed, normalised as the importer does: an email in any case; "
                    + "a phone in any format (without country code it is read as mosaic.import.default-region, and "
                    + "when nobody holds it there, as the number of any country a record named: 409 when people in "
                    + "two countries hold those digits); a loyalty id as is; social_handle as platform:handle; "
                    + "record as source/recordId", examples = {
                    @ExampleObject(name = "phone", value = "0151-2345678",
                            summary = "A phone typed in national format finds +49 151 2345678"),
                    @ExampleObject(name = "email", value = "Anna.Schmidt@example.de", summary = "Any case"),
                    @ExampleObject(name = "loyalty_id", value = "L-100200"),
                    @ExampleObject(name = "social_handle", value = "instagram:anna.bakes"),
                    @ExampleObject(name = "record", value = "crm/10042")})
            @RequestParam String value, Authentication caller, HttpServletRequest request) {
        LookupType lookupType = lookupType(type);
        String normalised = normalised(lookupType, value);
        Optional<ProfileView> held = profiles.findByIdentifier(lookupType, normalised);
        if (held.isEmpty() && lookupType == LookupType.PHONE) {
            held = inAnotherCountry(value, normalised);
        }
        return ResponseEntity.of(held.map(this::toResponse)
                .map(found -> {
                    request.setAttribute(AuditedAccess.PROFILE_ATTRIBUTE, found.profileId());
                    return forCaller(found, caller);
                }));
    }

    @Audited("profile.lookup")
    @GetMapping("/lookup/summary")
    @Operation(summary = "Find the profile that holds an identifier, as a result list shows it",
            description = "The same lookup, answered with the profile's id, name, city and badges only (as a search "
                    + "hit, without a score): for systems that only need to know whose identifier it is. It reads "
                    + "a few fields instead of the whole profile, and is audited like the full lookup.")
    ResponseEntity<ProfileSummaryResponse> lookupSummary(
            @Parameter(description = LOOKUP_TYPES) @RequestParam String type,
            @RequestParam String value, HttpServletRequest request) {
        LookupType lookupType = lookupType(type);
        String normalised = normalised(lookupType, value);
        Optional<ProfileSummary> held = profiles.findSummaryByIdentifier(lookupType, normalised);
        if (held.isEmpty() && lookupType == LookupType.PHONE) {
            // Rare: the digits are another country's. Found as the full lookup finds them, then summarised through
            // one of the profile's records.
            held = inAnotherCountry(value, normalised).flatMap(view -> view.sourceRecords().stream().findFirst()
                    .flatMap(record -> profiles.findSummaryByIdentifier(LookupType.RECORD,
                            new SourceRecordKey(record.source(), record.recordId()).toString())));
        }
        return ResponseEntity.of(held
                .map(found -> {
                    request.setAttribute(AuditedAccess.PROFILE_ATTRIBUTE, found.profileId());
                    return ProfileSummaryResponse.of(new ProfileSearch.ProfileHit(found, null));
                }));
    }

    private static final String LOOKUP_TYPES = "email, phone (any format; numbers without country code are read as "
            + "mosaic.import.default-region, then as any country's: 409 when people in two countries hold those "
            + "digits), loyalty_id, social_handle (platform:handle) or record (source/recordId)";

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
            // The kind of failure only: a store's message may quote what it was sent.
            log.warn("Profile {} is served without next best offers ({})", view.profileId(),
                    e.getClass().getSimpleName());
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

    /**
     * A number typed without country code that is not the default region's may be another country's, as its record
     * said: found by the same digits in any country where they form a possible number. Two people holding those
     * digits in different countries are not told apart by guessing: 409, type the country code.
     */
    private Optional<ProfileView> inAnotherCountry(String typed, String defaultKey) {
        Set<String> keys = new TreeSet<>(PhoneKey.inEveryRegion(typed));
        keys.remove(defaultKey);
        List<ProfileView> found = profiles.findByAnyIdentifier(LookupType.PHONE, keys, 2);
        if (found.size() > 1) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "'" + typed + "' is held by profiles in different "
                    + "countries; type the number with its country code, e.g. +43 …");
        }
        return found.stream().findFirst();
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
