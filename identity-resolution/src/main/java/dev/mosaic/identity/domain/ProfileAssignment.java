package dev.mosaic.identity.domain;

import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a record goes once it is linked: the profile it shares identifiers with, a new profile when it shares none,
 * and, when it bridges several profiles, one survivor that absorbs the others.
 */
public record ProfileAssignment(ProfileId target, Set<ProfileId> absorbed) {

    public static ProfileAssignment decide(SourceRecordKey record, Optional<ProfileId> current,
                                           Set<ProfileId> linkedProfiles) {
        TreeSet<ProfileId> candidates = new TreeSet<>(Comparator.comparing(ProfileId::value));
        candidates.addAll(linkedProfiles);
        current.ifPresent(candidates::add);
        if (candidates.isEmpty()) {
            return new ProfileAssignment(ProfileId.foundedBy(record), Set.of());
        }
        // The smallest id survives, so the outcome does not depend on the order records arrive in.
        ProfileId survivor = candidates.first();
        Set<ProfileId> absorbed = new TreeSet<>(Comparator.comparing(ProfileId::value));
        absorbed.addAll(candidates.tailSet(survivor, false));
        return new ProfileAssignment(survivor, Set.copyOf(absorbed));
    }
}
