package dev.mosaic.profile.domain.segment;

import java.util.List;
import java.util.Optional;

/** Where saved segments are kept. */
public interface Segments {

    void save(Segment segment);

    Optional<Segment> find(String id);

    /** Newest first. */
    List<Segment> all();
}
