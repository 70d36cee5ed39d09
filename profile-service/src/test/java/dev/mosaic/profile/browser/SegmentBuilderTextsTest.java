package dev.mosaic.profile.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mosaic.profile.domain.segment.SegmentField;

/**
 * The segment builder draws its lists from the server's schema; each field, operator and allowed value also has words
 * in both languages, so a marketer reads "Last purchase", not "purchases.lastPurchase". (A field added without words
 * still works in the page: it shows its code.)
 */
class SegmentBuilderTextsTest {

    @ParameterizedTest
    @ValueSource(strings = {"en", "de"})
    void namesEveryFieldOperatorAndAllowedValueTheServerAccepts(String language) throws IOException {
        var keys = PageTextsTest.keys(language);
        for (SegmentField field : SegmentField.values()) {
            assertThat(keys).as(field.code()).contains("segments.field." + field.code());
            for (String value : field.allowedValues()) {
                assertThat(keys).as(field.code() + " " + value).contains("segments.value." + value);
            }
            for (String operator : field.type().operators()) {
                String typed = "segments.op." + field.type().name().toLowerCase() + "." + operator;
                assertThat(keys.contains(typed) || keys.contains("segments.op." + operator))
                        .as(field.code() + " " + operator).isTrue();
            }
        }
        List<String> areas = Arrays.stream(SegmentField.values())
                .map(field -> field.code().contains(".") ? field.code().substring(0, field.code().indexOf('.')) : "profile")
                .distinct().toList();
        for (String area : areas) {
            assertThat(keys).contains("segments.area." + area);
        }
    }
}
