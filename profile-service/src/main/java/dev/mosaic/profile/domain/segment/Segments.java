package dev.mosaic.profile.domain.segment;

import java.util.List;
import java.util.Optional;

/** Where saved segments are kept. */
public interface Segments {

    void save(Segment segment);

    /** Replaces the name, description, condition and update time of a saved segment; false when there is none. */
    boolean update(Segment segment);

    /** False when there was no such segment. */
    boolean delete(String id);

    Optional<Segment> find(String id);

    /** Newest first. */
    List<Segment> all();
}
