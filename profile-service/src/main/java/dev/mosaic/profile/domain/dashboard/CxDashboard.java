package dev.mosaic.profile.domain.dashboard;

import java.util.List;

/** The CX scores over time, by channel and by store, and the detractors to follow up. */
public interface CxDashboard {

    CxReport report(DashboardQuery query);

    /**
     * People whose latest NPS answer is a detractor (0-6) and was given within the query's days (through its channel,
     * about its store, when given), newest answer first, then by profile id.
     */
    DetractorPage detractors(DashboardQuery query, int page, int size);

    record DetractorPage(long total, List<Detractor> detractors) {
        public DetractorPage {
            detractors = List.copyOf(detractors);
        }
    }
}
