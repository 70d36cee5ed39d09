package dev.mosaic.identity.domain.matching;

import java.util.List;

/**
 * Social handles ({@code platform:handle}): exact; the same handle on another platform (people keep their name across
 * platforms, strangers rarely pick the same one); different.
 */
final class SocialHandleComparison implements Comparison {

    private static final List<String> LEVELS = List.of("exact", "same_handle_other_platform", "different");

    @Override
    public String field() {
        return IdentifierField.SOCIAL_HANDLE.code();
    }

    @Override
    public List<String> levels() {
        return LEVELS;
    }

    @Override
    public int compare(MatchRecord a, MatchRecord b) {
        String x = a.socialHandle();
        String y = b.socialHandle();
        if (x == null || y == null) {
            return UNKNOWN;
        }
        if (x.equals(y)) {
            return 0;
        }
        String handleX = handle(x);
        return handleX.length() >= 4 && handleX.equals(handle(y)) ? 1 : LEVELS.size() - 1;
    }

    /** The handle without its platform. */
    static String handle(String socialHandle) {
        return socialHandle.substring(socialHandle.indexOf(':') + 1);
    }
}
