package dev.mosaic.imports.adapter.in.batch;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

import dev.mosaic.identity.domain.RecordKind;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.Touchpoint;

/** Shapes standardised row values into the domain's source record. */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR)
interface SourceRecordMapper {

    @Mapping(target = "key", expression = "java(new dev.mosaic.identity.domain.SourceRecordKey(contact.source(), contact.recordId()))")
    @Mapping(target = "kind", source = "kind")
    @Mapping(target = "touchpoint", source = "touchpoint")
    SourceRecord toRecord(ContactFields contact, RecordKind kind, Touchpoint touchpoint);
}
