package dev.mosaic.profile.adapter.in.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.mosaic.identity.domain.EmailAddress;
import dev.mosaic.identity.domain.SourceRecordKey;
import dev.mosaic.profile.domain.LookupType;
import dev.mosaic.profile.domain.ProfileReadModel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

@RestController
@RequestMapping("/api/v1/profiles")
class ProfileController {

    private final ProfileReadModel profiles;
    private final ProfileResponseMapper mapper = new ProfileResponseMapperImpl();

    ProfileController(ProfileReadModel profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/{profileId}")
    @Operation(summary = "A unified profile by its id")
    ResponseEntity<ProfileResponse> byId(@PathVariable String profileId) {
        return ResponseEntity.of(profiles.findById(profileId).map(mapper::toResponse));
    }

    @GetMapping("/lookup")
    @Operation(summary = "Find the profile that holds an identifier",
            description = "type=email matches case- and space-insensitively; type=record takes 'source/recordId'.")
    ResponseEntity<ProfileResponse> lookup(
            @Parameter(description = "email, loyalty_id or record (phone and social_handle are not supported yet)")
            @RequestParam String type,
            @RequestParam String value) {
        LookupType lookupType = LookupType.fromCode(type)
                .orElseThrow(() -> new BadRequestException("type '" + type + "' is not one of: email, phone, "
                        + "loyalty_id, social_handle, record"));
        if (!lookupType.isSupported()) {
            throw new BadRequestException("lookup by " + lookupType.code() + " is not supported yet; use email, "
                    + "loyalty_id or record");
        }
        if (value.isBlank()) {
            throw new BadRequestException("value must not be empty");
        }
        String normalised = switch (lookupType) {
            case EMAIL -> new EmailAddress(value).value();
            case RECORD -> recordKey(value);
            default -> value.strip();
        };
        return ResponseEntity.of(profiles.findByIdentifier(lookupType, normalised).map(mapper::toResponse));
    }

    private static String recordKey(String value) {
        int slash = value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1) {
            throw new BadRequestException("a record is looked up as 'source/recordId', e.g. crm/10042");
        }
        return new SourceRecordKey(value.substring(0, slash), value.substring(slash + 1)).toString();
    }
}
