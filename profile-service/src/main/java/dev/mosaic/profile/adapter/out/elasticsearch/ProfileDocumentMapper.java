package dev.mosaic.profile.adapter.out.elasticsearch;

import java.time.Instant;
import java.util.List;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

import dev.mosaic.profile.domain.ProfileView;

@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR)
interface ProfileDocumentMapper {

    @Mapping(target = "recordKeys", expression = "java(recordKeys(view.sourceRecords()))")
    @Mapping(target = "nameTokens", expression = "java(dev.mosaic.profile.domain.SearchKeys.nameTokens(view))")
    @Mapping(target = "namePrefixes",
            expression = "java(dev.mosaic.profile.domain.SearchKeys.prefixes(dev.mosaic.profile.domain.SearchKeys.nameTokens(view)))")
    @Mapping(target = "nameTypoKeys",
            expression = "java(dev.mosaic.profile.domain.SearchKeys.typoKeys(dev.mosaic.profile.domain.SearchKeys.nameTokens(view)))")
    @Mapping(target = "cityKeys", expression = "java(dev.mosaic.profile.domain.SearchKeys.cityKeys(view))")
    ProfileDocument toDocument(ProfileView view);

    ProfileView toView(ProfileDocument document);

    default String instantToText(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    default Instant textToInstant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    default List<String> recordKeys(List<ProfileView.SourceRecordView> records) {
        return records.stream().map(record -> record.source() + "/" + record.recordId()).toList();
    }
}
