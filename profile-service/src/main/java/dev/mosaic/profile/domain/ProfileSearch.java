package dev.mosaic.profile.domain;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dev.mosaic.profile.domain.segment.Condition;
import dev.mosaic.profile.domain.segment.SegmentStatistics;

/** Finding profiles: by what a person types into a search box, and by segment conditions. */
public interface ProfileSearch {

    /** Profiles matching the query (and the segment's condition, when given), best first. */
    ProfilePage search(SearchQuery query, Optional<Condition> segment, int page, int size);

    long count(Condition condition);

    /** Members ordered by profile id, so pages are stable. */
    ProfilePage members(Condition condition, int page, int size);

    /** Every member, in profile id order, read in pages so memory stays flat whatever the segment's size. */
    void forEachMember(Condition condition, Consumer<ProfileView> member);

    SegmentStatistics statistics(Condition condition);

    record ProfilePage(long total, List<ProfileHit> hits) {
        public ProfilePage {
            hits = List.copyOf(hits);
        }
    }

    /** @param score relevance to the query; null where there was nothing to rank by */
    record ProfileHit(ProfileSummary profile, Double score) {
    }
}
