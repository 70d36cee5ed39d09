package dev.mosaic.imports.adapter.in.batch;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import dev.mosaic.identity.domain.RecordKind;
import dev.mosaic.identity.domain.SocialHandle;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.Touchpoint;
import dev.mosaic.imports.domain.ImportType;
import dev.mosaic.imports.domain.mapping.FullName;
import dev.mosaic.imports.domain.mapping.ImportMapping;
import dev.mosaic.imports.domain.mapping.NamePart;
import dev.mosaic.imports.domain.mapping.MappedRow;

/**
 * Validates a row of one canonical type and standardises it into a source record; a row in a foreign layout is first
 * turned into the canonical columns by its import mapping, whose problems become the record's warnings.
 */
class RowStandardiser implements ItemProcessor<SourceRow, SourceRecord> {

    private final ImportType type;
    private final ImportMapping mapping;
    private final Set<String> columns;
    private final String defaultRegion;
    private final SourceRecordMapper mapper = new SourceRecordMapperImpl();

    RowStandardiser(ImportType type, ImportMapping mapping, String defaultRegion) {
        this.type = type;
        this.mapping = mapping;
        this.columns = Set.copyOf(type.columns());
        this.defaultRegion = defaultRegion;
    }

    @Override
    public SourceRecord process(SourceRow row) {
        List<String> mappingProblems = List.of();
        if (mapping != null) {
            MappedRow mapped = mapping.apply(row.fields());
            row = new SourceRow(row.line(), row.rawLine(), mapped.fields());
            mappingProblems = mapped.problems();
        }
        FieldReader fields = new FieldReader(row, columns, defaultRegion, mappingProblems);
        return switch (type) {
            case CUSTOMERS -> customer(fields);
            case PURCHASES -> purchase(fields);
            case TICKETS -> ticket(fields);
            case CAMPAIGN_RESPONSES -> campaignResponse(fields);
            case SOCIAL_INTERACTIONS -> socialInteraction(fields);
        };
    }

    private SourceRecord customer(FieldReader fields) {
        String source = fields.required("source");
        String recordId = fields.required("record_id");
        String country = country(fields);
        for (String kept : new String[] {"street", "consent_email", "consent_sms"}) {
            fields.keep(kept);
        }
        fields.bool("consent_email");
        fields.bool("consent_sms");
        return mapper.toRecord(new ContactFields(source, recordId, fields.name("first_name"), fields.name("last_name"),
                fields.email("email"), fields.phone("phone", country), fields.date("birth_date"), fields.name("city"),
                fields.text("postal_code"), country, fields.text("loyalty_id"), SocialHandle.normalise(fields.text("social_handle")),
                fields.instant("created_at"), fields.attributes(), fields.warnings()), RecordKind.CUSTOMER, null);
    }

    private SourceRecord purchase(FieldReader fields) {
        String source = fields.required("source");
        String recordId = fields.required("record_id");
        var occurredAt = fields.requiredInstant("occurred_at");
        Touchpoint.Purchase purchase = new Touchpoint.Purchase(fields.text("order_id"),
                fields.choice("channel", Set.of("store", "web", "app")), fields.text("store_id"), fields.text("sku"),
                fields.text("product_name"), fields.text("category"),
                fields.requiredInteger("quantity", 0, 1_000_000), fields.requiredDecimal("unit_price"),
                currency(fields), Boolean.TRUE.equals(fields.bool("returned")));
        return touchpoint(fields, source, recordId, occurredAt, RecordKind.PURCHASE, purchase,
                fields.name("first_name"), fields.name("last_name"));
    }

    private SourceRecord ticket(FieldReader fields) {
        String source = fields.required("source");
        String recordId = fields.required("record_id");
        var openedAt = fields.requiredInstant("opened_at");
        fields.keep("store_id");
        Touchpoint.SupportTicket ticket = new Touchpoint.SupportTicket(openedAt, fields.instant("first_response_at"),
                fields.instant("resolved_at"), fields.choice("channel", Set.of("email", "phone", "chat", "social", "store")),
                fields.integer("contacts", 1, 1000), fields.choice("status", Set.of("open", "pending", "resolved", "closed")),
                fields.text("subject"), fields.integer("csat", 1, 5), fields.integer("ces", 1, 5));
        String fullName = fields.name("name");
        String[] name = splitFullName(fullName);
        keepSalutation(fields, fullName);
        return touchpoint(fields, source, recordId, openedAt, RecordKind.TICKET, ticket, name[0], name[1]);
    }

    private SourceRecord campaignResponse(FieldReader fields) {
        String source = fields.required("source");
        String recordId = fields.required("record_id");
        String campaignId = fields.required("campaign_id");
        var occurredAt = fields.requiredInstant("occurred_at");
        fields.keep("store_id");
        Touchpoint.CampaignResponse response = new Touchpoint.CampaignResponse(campaignId, fields.text("campaign_name"),
                fields.choice("channel", Set.of("email", "sms", "push", "social")),
                fields.requiredChoice("event", Set.of("delivered", "opened", "clicked", "converted", "unsubscribed",
                        "bounced", "surveyed")),
                fields.integer("nps", 0, 10), fields.decimal("revenue", BigDecimal.ZERO, null));
        return touchpoint(fields, source, recordId, occurredAt, RecordKind.CAMPAIGN_RESPONSE, response, null, null);
    }

    private SourceRecord socialInteraction(FieldReader fields) {
        String source = fields.required("source");
        String recordId = fields.required("record_id");
        String platform = fields.required("platform").toLowerCase(Locale.ROOT);
        var occurredAt = fields.requiredInstant("occurred_at");
        String handle = fields.text("handle");
        fields.keep("display_name");
        // The name people give themselves on a platform is a name like any other ("Lisa Schulz ✨", "Thomas J."):
        // without its decorations it lets a post find its author's other records.
        String displayName = personalName(fields.name("display_name"), handle);
        String[] name = splitFullName(displayName);
        Touchpoint.SocialInteraction interaction = new Touchpoint.SocialInteraction(platform, handle,
                fields.choice("kind", Set.of("mention", "comment", "message", "review")), fields.text("text"),
                fields.decimal("sentiment", BigDecimal.ONE.negate(), BigDecimal.ONE), fields.integer("rating", 1, 5));
        ContactFields contact = new ContactFields(source, recordId, name[0], name[1], fields.email("email"),
                fields.phone("phone", null), null, null, null, null, null,
                handle == null ? null : SocialHandle.normalise(platform + ":" + handle), occurredAt, fields.attributes(),
                fields.warnings());
        return mapper.toRecord(contact, RecordKind.SOCIAL_INTERACTION, interaction);
    }

    private SourceRecord touchpoint(FieldReader fields, String source, String recordId, java.time.Instant occurredAt,
                                    RecordKind kind, Touchpoint touchpoint, String firstName, String lastName) {
        ContactFields contact = new ContactFields(source, recordId, firstName, lastName, fields.email("email"),
                fields.phone("phone", null), null, null, fields.text("postal_code"), null, fields.text("loyalty_id"),
                null, occurredAt, fields.attributes(), fields.warnings());
        return mapper.toRecord(contact, kind, touchpoint);
    }

    private static String country(FieldReader fields) {
        String country = fields.text("country");
        return country == null ? null : country.toUpperCase(Locale.ROOT);
    }

    private static String currency(FieldReader fields) {
        String currency = fields.text("currency");
        return currency == null ? null : currency.toUpperCase(Locale.ROOT);
    }

    /**
     * A full name split the way a mapping splits one ("Jan van der Berg", "Müller, Hans", "Frau Schmidt"); a last name
     * given only as an initial ("Thomas J.") says too little to compare and is left out.
     */
    private static String[] splitFullName(String name) {
        if (name == null) {
            return new String[] {null, null};
        }
        String first = FullName.part(name, NamePart.FIRST);
        String last = FullName.part(name, NamePart.LAST);
        if (INITIAL.matcher(last).matches()) {
            last = "";
        }
        return new String[] {first.isEmpty() ? null : first, last.isEmpty() ? null : last};
    }

    private static void keepSalutation(FieldReader fields, String fullName) {
        if (fullName != null) {
            String salutation = FullName.part(fullName, NamePart.SALUTATION);
            if (!salutation.isEmpty()) {
                fields.put("salutation", salutation);
            }
        }
    }

    /**
     * The name without emoji, symbols and digits, or null when nothing name-like is left or the "name" is the handle
     * itself ("thetimb" is a user name, not a first name).
     */
    private static String personalName(String displayName, String handle) {
        if (displayName == null || handle != null && displayName.strip().equalsIgnoreCase(handle.strip())) {
            return null;
        }
        String letters = NOT_NAME.matcher(displayName).replaceAll(" ").strip().replaceAll("\\s+", " ");
        return letters.isEmpty() ? null : letters;
    }

    private static final java.util.regex.Pattern INITIAL = java.util.regex.Pattern.compile("\\p{L}\\.?");
    private static final java.util.regex.Pattern NOT_NAME = java.util.regex.Pattern.compile("[^\\p{L}\\p{M}'.\\- ]+");
}
