package dev.mosaic.datagen;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The retailer's campaigns from 2023 to 2025, per channel; surveys ask for an NPS. */
final class Campaigns {

    enum Channel {
        EMAIL("email"), SMS("sms"), PUSH("push"), SOCIAL("social");

        private final String value;

        Channel(String value) {
            this.value = value;
        }

        String value() {
            return value;
        }
    }

    record Campaign(String id, String name, Channel channel, long start, boolean survey) {
    }

    private static final List<Campaign> ALL = List.of(
            campaign("CMP-2301", "Frühjahrs-Newsletter 2023", Channel.EMAIL, 2023, 3, 15, false),
            campaign("CMP-2306", "Sommer-Sale 2023", Channel.EMAIL, 2023, 6, 20, false),
            campaign("CMP-2311", "Black Friday, Cyber Monday 2023", Channel.EMAIL, 2023, 11, 24, false),
            campaign("CMP-2312", "Weihnachts-Gutschein 2023", Channel.SMS, 2023, 12, 10, false),
            campaign("CMP-2403", "Druckertage: Tinte -20 %", Channel.EMAIL, 2024, 3, 5, false),
            campaign("CMP-2405", "App-Launch \"Mosaic Club\"", Channel.PUSH, 2024, 5, 2, false),
            campaign("CMP-2406", "NPS-Umfrage Sommer 2024", Channel.EMAIL, 2024, 6, 10, true),
            campaign("CMP-2409", "Kaffee-Wochen", Channel.EMAIL, 2024, 9, 16, false),
            campaign("CMP-2410", "Instagram Gewinnspiel Herbst 2024", Channel.SOCIAL, 2024, 10, 1, false),
            campaign("CMP-2411", "Black Friday, Cyber Monday 2024", Channel.EMAIL, 2024, 11, 29, false),
            campaign("CMP-2412", "SMS Last-Minute-Geschenke", Channel.SMS, 2024, 12, 18, false),
            campaign("CMP-2503", "Spring Sale 2025", Channel.EMAIL, 2025, 3, 20, false),
            campaign("CMP-2505", "Push: Muttertag", Channel.PUSH, 2025, 5, 5, false),
            campaign("CMP-2506", "NPS-Umfrage 2025", Channel.EMAIL, 2025, 6, 12, true),
            campaign("CMP-2507", "Kundenzufriedenheit per SMS", Channel.SMS, 2025, 7, 8, true),
            campaign("CMP-2509", "Back to School 2025", Channel.SOCIAL, 2025, 9, 1, false),
            campaign("CMP-2510", "Club-Punkte doppelt", Channel.PUSH, 2025, 10, 14, false),
            campaign("CMP-2511", "Black Friday 2025", Channel.SMS, 2025, 11, 28, false),
            campaign("CMP-2512", "Jahresrückblick 2025", Channel.EMAIL, 2025, 12, 15, false));

    private static final Map<Channel, List<Campaign>> BY_CHANNEL = new EnumMap<>(Channel.class);

    static {
        for (Campaign campaign : ALL) {
            BY_CHANNEL.computeIfAbsent(campaign.channel(), c -> new ArrayList<>()).add(campaign);
        }
    }

    private Campaigns() {
    }

    private static Campaign campaign(String id, String name, Channel channel, int year, int month, int day,
            boolean survey) {
        return new Campaign(id, name, channel, Timestamps.epochSecond(year, month, day) + 9 * Timestamps.HOUR, survey);
    }

    /** The campaigns of a channel that started after {@code since}, oldest first. */
    static List<Campaign> reaching(Channel channel, long since) {
        List<Campaign> all = BY_CHANNEL.get(channel);
        List<Campaign> after = new ArrayList<>(all.size());
        for (Campaign campaign : all) {
            if (campaign.start() >= since) {
                after.add(campaign);
            }
        }
        return after;
    }
}
