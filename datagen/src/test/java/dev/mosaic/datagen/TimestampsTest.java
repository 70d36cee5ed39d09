package dev.mosaic.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void nowIsFixed() {
        assertThat(Timestamps.utc(Timestamps.NOW)).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(Timestamps.utc(Timestamps.HISTORY_START)).isEqualTo("2019-01-01T00:00:00Z");
    }

    @Test
    void localTimesCarryTheSummerOrWinterOffset() {
        long summer = Instant.parse("2024-05-02T10:05:00Z").getEpochSecond();
        long winter = Instant.parse("2024-01-15T10:05:00Z").getEpochSecond();
        assertThat(Timestamps.local(summer, Country.DE)).isEqualTo("2024-05-02T12:05:00+02:00");
        assertThat(Timestamps.local(winter, Country.DE)).isEqualTo("2024-01-15T11:05:00+01:00");
        assertThat(Timestamps.local(summer, Country.GB)).isEqualTo("2024-05-02T11:05:00+01:00");
        assertThat(Timestamps.local(winter, Country.GB)).isEqualTo("2024-01-15T10:05:00+00:00");
    }

    @Test
    void agreesWithJavaTimeOnEveryHourOfSevenYears() {
        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        for (long t = Timestamps.HISTORY_START; t < Timestamps.NOW; t += 3_593) {
            Instant instant = Instant.ofEpochSecond(t);
            assertThat(Timestamps.local(t, Country.DE))
                    .isEqualTo(iso.format(instant.atZone(ZoneId.of("Europe/Berlin")).toOffsetDateTime()));
            String london = iso.format(instant.atZone(ZoneId.of("Europe/London")).toOffsetDateTime())
                    .replace("Z", "+00:00");
            assertThat(Timestamps.local(t, Country.GB)).isEqualTo(london);
            assertThat(Timestamps.utc(t)).isEqualTo(instant.toString());
        }
    }

    @Test
    void formatsDatesLikeJavaTime() {
        for (int day = -30_000; day < 30_000; day += 7) {
            assertThat(Timestamps.date(day)).isEqualTo(LocalDate.ofEpochDay(day).toString());
            assertThat(Timestamps.yearOf(day)).isEqualTo(LocalDate.ofEpochDay(day).getYear());
        }
    }

    @Test
    void daytimeStaysOnTheLocalDayAndBeforeNow() {
        Rng rng = new Rng(9);
        for (int i = 0; i < 1_000; i++) {
            long at = rng.between(Timestamps.HISTORY_START, Timestamps.NOW);
            long during = Timestamps.duringLocalHours(at, Country.DE, 9, 20, rng);
            String local = Timestamps.local(during, Country.DE);
            int hour = Integer.parseInt(local.substring(11, 13));
            assertThat(hour).isBetween(9, 19);
            assertThat(during).isLessThan(Timestamps.NOW);
        }
    }
}
