package dev.mosaic.profile.domain.dashboard;

import java.util.List;

/**
 * The CX dashboard: the scores per period, over the whole time, and per channel and per store over the whole time.
 * The channel breakdown honours the store filter but not the channel filter, and the store breakdown the other way
 * round, so a chosen channel can be compared with the others.
 *
 * @param channels every channel with touchpoints, most touchpoints first (equal counts by name); a channel of null,
 *                 last, holds the touchpoints that name none
 * @param stores every store with touchpoints (up to {@link #MAX_STORES}), most touchpoints first (equal counts by
 *               name); a store of null, last, holds the touchpoints that name no store
 */
public record CxReport(DashboardQuery query, List<Period> periods, CxFigures total, List<Breakdown> channels,
                       List<Breakdown> stores) {

    public static final int MAX_STORES = 200;

    public CxReport {
        periods = List.copyOf(periods);
        channels = List.copyOf(channels);
        stores = List.copyOf(stores);
    }

    public record Period(DashboardQuery.Span span, CxFigures figures) {
    }

    /** @param key the channel or store; null for touchpoints that do not name one */
    public record Breakdown(String key, long touchpoints, CxFigures figures) {
    }
}
