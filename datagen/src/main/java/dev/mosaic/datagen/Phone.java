package dev.mosaic.datagen;

/**
 * A phone number as its country, its area or mobile prefix and the subscriber digits, written in one of the many
 * ways people and systems write numbers.
 */
record Phone(Country country, String prefix, String subscriber) {

    /** The ways a number gets written, for {@code +49 151 2345678}: */
    enum Format {
        /** {@code +49 151 2345678} */
        INTERNATIONAL,
        /** {@code +491512345678} */
        E164,
        /** {@code 0151 2345678} */
        NATIONAL,
        /** {@code 0151-2345678} */
        DASH,
        /** {@code 0151/2345678} */
        SLASH,
        /** {@code 0049 151 2345678} */
        DOUBLE_ZERO,
        /** {@code (0151) 2345678} */
        BRACKETS,
        /** {@code 015123456 78}: a careless split */
        ODD_SPLIT,
        /** {@code +49 (0)151 2345678} */
        INTERNATIONAL_TRUNK,
        /** {@code 01512345678} */
        NATIONAL_COMPACT,
        /** the national habit: {@code 06 12 34 56 78} in France, {@code 079 123 45 67} in Switzerland, … */
        GROUPED;

        private static final Format[] ALL = values();

        static Format any(Rng rng) {
            return rng.pick(ALL);
        }
    }

    String nationalNumber() {
        return prefix + subscriber;
    }

    /** The canonical E.164 form, e.g. {@code +491512345678}. */
    String e164() {
        return "+" + country.callingCode() + prefix + subscriber;
    }

    String format(Format format) {
        String trunk = country.trunkPrefix();
        String cc = country.callingCode();
        return switch (format) {
            case INTERNATIONAL -> "+" + cc + " " + prefix + " " + subscriber;
            case E164 -> e164();
            case NATIONAL -> trunk + prefix + " " + subscriber;
            case DASH -> trunk + prefix + "-" + subscriber;
            case SLASH -> trunk + prefix + "/" + subscriber;
            case DOUBLE_ZERO -> "00" + cc + " " + prefix + " " + subscriber;
            case BRACKETS -> "(" + trunk + prefix + ") " + subscriber;
            case ODD_SPLIT -> {
                String digits = trunk + prefix + subscriber;
                yield digits.substring(0, digits.length() - 2) + " " + digits.substring(digits.length() - 2);
            }
            case INTERNATIONAL_TRUNK -> trunk.isEmpty()
                    ? "+" + cc + " " + prefix + " " + subscriber
                    : "+" + cc + " (" + trunk + ")" + prefix + " " + subscriber;
            case NATIONAL_COMPACT -> trunk + prefix + subscriber;
            case GROUPED -> grouped();
        };
    }

    private String grouped() {
        String national = country.trunkPrefix() + prefix + subscriber;
        return switch (country) {
            // 06 12 34 56 78
            case FR -> groups(national, 2, 2, 2, 2, 2);
            // 612 345 678
            case ES -> groups(national, 3, 3, 3);
            // 079 123 45 67
            case CH -> groups(national, 3, 3, 2, 2);
            // 07700 900123
            case GB -> groups(national, 5, national.length() - 5);
            // 0151 234 5678
            default -> groups(national, (country.trunkPrefix() + prefix).length(), 3, national.length()
                    - (country.trunkPrefix() + prefix).length() - 3);
        };
    }

    private static String groups(String digits, int... sizes) {
        StringBuilder out = new StringBuilder(digits.length() + sizes.length);
        int at = 0;
        for (int size : sizes) {
            if (at >= digits.length()) {
                break;
            }
            if (at > 0) {
                out.append(' ');
            }
            int end = Math.min(digits.length(), at + size);
            out.append(digits, at, end);
            at = end;
        }
        if (at < digits.length()) {
            out.append(digits, at, digits.length());
        }
        return out.toString();
    }
}
