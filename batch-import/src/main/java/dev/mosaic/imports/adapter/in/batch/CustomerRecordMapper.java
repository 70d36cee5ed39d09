package dev.mosaic.imports.adapter.in.batch;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;

import dev.mosaic.identity.domain.CustomerRecord;
import dev.mosaic.identity.domain.EmailAddress;

/** Standardises a validated customers row into the domain record. */
@Mapper(unmappedTargetPolicy = org.mapstruct.ReportingPolicy.ERROR)
interface CustomerRecordMapper {

    @Mapping(target = "key", expression = "java(new dev.mosaic.identity.domain.SourceRecordKey(row.source(), row.recordId()))")
    @Mapping(target = "firstName", source = "row.firstName", qualifiedByName = "personName")
    @Mapping(target = "lastName", source = "row.lastName", qualifiedByName = "personName")
    @Mapping(target = "email", source = "row.email", qualifiedByName = "email")
    @Mapping(target = "phone", source = "row.phone")
    @Mapping(target = "birthDate", source = "birthDate")
    @Mapping(target = "city", source = "row.city", qualifiedByName = "personName")
    @Mapping(target = "country", source = "row.country")
    @Mapping(target = "loyaltyId", source = "row.loyaltyId")
    @Mapping(target = "attributes", source = "attributes")
    @Mapping(target = "warnings", source = "warnings")
    CustomerRecord toRecord(CustomerRow row, LocalDate birthDate, Map<String, String> attributes, List<String> warnings);

    /** Unicode NFC so that "Mü" typed with a combining diaeresis equals the precomposed one. */
    @Named("personName")
    default String personName(String value) {
        return value == null ? null : Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
    }

    @Named("email")
    default EmailAddress email(String value) {
        return value == null ? null : new EmailAddress(value);
    }
}
