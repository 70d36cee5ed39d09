package dev.mosaic.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mosaic.identity.domain.matching.FieldContribution;

class RecordLinkTest {

    private static final SourceRecordKey CRM = new SourceRecordKey("crm", "1");
    private static final SourceRecordKey POS = new SourceRecordKey("pos", "9");

    @Test
    void aProbabilisticLinkNamesTheFieldsThatAgreedAndDisagreedStrongestFirst() {
        RecordLink link = new RecordLink(CRM, POS, "probabilistic", 0.98, null, List.of(
                new FieldContribution("first_name", "jaro_winkler", 3.21),
                new FieldContribution("birth_date", "missing", 0),
                new FieldContribution("phone", "different", -1.5),
                new FieldContribution("last_name", "exact", 8.16),
                new FieldContribution("city", "different", -2.04)));

        assertThat(link.evidence()).isEqualTo(
                "agree: last_name exact +8.2, first_name jaro_winkler +3.2; against: city different -2.0, phone different -1.5");
        assertThat(link.evidenceToStore()).as("derived, so not stored").isNull();
    }

    @Test
    void anExactLinkNamesItsIdentifier() {
        assertThat(new RecordLink(CRM, POS, "exact_email", 1.0, "", List.of()).evidence())
                .isEqualTo("email equal after normalisation, names compatible");
    }

    @Test
    void aStewardsNoteIsKeptAndStored() {
        RecordLink link = new RecordLink(CRM, POS, "steward_merge", 1.0, "merged by lena (decision d-1)", List.of());

        assertThat(link.evidence()).isEqualTo("merged by lena (decision d-1)");
        assertThat(link.evidenceToStore()).isEqualTo("merged by lena (decision d-1)");
        assertThat(new RecordLink(CRM, POS, "steward_merge", 1.0, null, List.of()).evidence())
                .isEqualTo("merged by a steward");
    }
}
