package dev.mosaic.profile.domain;

import java.util.Collection;

import dev.mosaic.identity.domain.SourceRecordKey;

/** The files uploaded for import, kept in the data folder so an interrupted import can resume. */
public interface UploadedFiles {

    /** Deletes every uploaded file that holds a row of one of {@code records}; returns how many were deleted. */
    int deleteHolding(Collection<SourceRecordKey> records);
}
