package dev.mosaic.profile.domain.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DashboardQueryTest {

    private static final LocalDate TODAY = LocalDate.parse("2025-03-12");

    @Test
    void withoutDatesShowsTheCurrentMonthAndTheElevenBefore() {
        DashboardQuery query = DashboardQuery.of(null, null, Interval.MONTH, null, null, TODAY);

        assertThat(query.from()).isEqualTo("2024-04-01");
        assertThat(query.to()).isEqualTo(TODAY);
        assertThat(query.periods()).hasSize(12);
        assertThat(query.periods().getFirst().label()).isEqualTo("2024-04");
        assertThat(query.periods().getLast()).isEqualTo(new DashboardQuery.Span("2025-03",
                LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-01"), TODAY));
    }

    @Test
    void weeksRunMondayToSundayAndAreLabelledByTheirIsoWeek() {
        DashboardQuery query = DashboardQuery.of(LocalDate.parse("2024-12-31"), LocalDate.parse("2025-01-08"),
                Interval.WEEK, null, null, TODAY);

        assertThat(query.periods()).containsExactly(
                new DashboardQuery.Span("2025-W01", LocalDate.parse("2024-12-30"), LocalDate.parse("2024-12-31"),
                        LocalDate.parse("2025-01-05")),
                new DashboardQuery.Span("2025-W02", LocalDate.parse("2025-01-06"), LocalDate.parse("2025-01-06"),
                        LocalDate.parse("2025-01-08")));
    }

    @Test
    void countsFromMidnightOfTheFirstDayToMidnightAfterTheLastInUtc() {
        DashboardQuery query = DashboardQuery.of(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-31"),
                Interval.MONTH, " email ", "", TODAY);

        assertThat(query.start()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(query.end()).isEqualTo(Instant.parse("2025-02-01T00:00:00Z"));
        assertThat(query.channel()).isEqualTo("email");
        assertThat(query.store()).isNull();
    }

    @Test
    void refusesAnEndBeforeTheStartAndMoreThan120Periods() {
        assertThatThrownBy(() -> DashboardQuery.of(LocalDate.parse("2025-02-01"), LocalDate.parse("2025-01-01"),
                Interval.MONTH, null, null, TODAY)).isInstanceOf(InvalidDashboardQueryException.class)
                .hasMessage("'to' (2025-01-01) is before 'from' (2025-02-01)");
        assertThatThrownBy(() -> DashboardQuery.of(LocalDate.parse("2015-01-01"), LocalDate.parse("2025-01-01"),
                Interval.MONTH, null, null, TODAY)).isInstanceOf(InvalidDashboardQueryException.class)
                .hasMessage("from 2015-01-01 to 2025-01-01 are 121 months; at most 120 are shown at once");
    }
}
