package dev.mosaic.imports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImportTypeTest {

    @Test
    void everyTypeHasItsRequiredColumnsAmongItsColumns() {
        for (ImportType type : ImportType.values()) {
            assertThat(type.columns()).as(type.code()).containsAll(type.requiredColumns()).doesNotHaveDuplicates();
        }
    }

    @Test
    void customersHaveTheDocumentedColumns() {
        assertThat(ImportType.CUSTOMERS.columns()).containsExactly("source", "record_id", "first_name", "last_name",
                "email", "phone", "birth_date", "street", "postal_code", "city", "country", "loyalty_id",
                "social_handle", "created_at", "consent_email", "consent_sms");
    }
}
