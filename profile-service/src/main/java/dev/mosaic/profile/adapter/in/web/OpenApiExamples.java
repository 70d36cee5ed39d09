package dev.mosaic.profile.adapter.in.web;

/** Example answers shown in the OpenAPI document, one worked customer (Anna Schmidt of the demo data) throughout. */
final class OpenApiExamples {

    private OpenApiExamples() {
    }

    static final String PROFILE = """
            {"profileId": "p-3f9a2c1e", "displayName": "Anna Schmidt",
             "emails": ["anna.schmidt@example.de"], "phones": ["+4915123456789"], "loyaltyIds": ["L-100200"],
             "socialHandles": ["instagram:anna.bakes"], "cities": ["Berlin"],
             "golden": {
               "firstName": {"value": "Anna", "source": "crm", "recordId": "10042", "decidedBy": "SOURCE_PRIORITY",
                 "values": [{"value": "Anna", "records": ["crm/10042", "webshop/W-77"], "lastSeen": "2023-05-02T09:00:00Z", "occurrences": 1},
                            {"value": "Anni", "records": ["pos/P-9"], "lastSeen": "2025-01-10T16:20:00Z", "occurrences": 1}]},
               "lastName": {"value": "Schmidt", "source": "crm", "recordId": "10042", "decidedBy": "ONLY_VALUE",
                 "values": [{"value": "Schmidt", "records": ["crm/10042", "webshop/W-77", "pos/P-9"], "lastSeen": "2023-05-02T09:00:00Z", "occurrences": 1}]},
               "email": {"value": "anna.schmidt@example.de", "source": "crm", "recordId": "10042", "decidedBy": "ONLY_VALUE", "values": []},
               "phone": {"value": "+4915123456789", "source": "crm", "recordId": "10042", "decidedBy": "ONLY_VALUE", "values": []},
               "birthDate": {"value": "1985-04-12", "source": "crm", "recordId": "10042", "decidedBy": "ONLY_VALUE", "values": []},
               "address": {"street": "Lindenstraße 4", "postalCode": "10115", "city": "Berlin", "source": "crm",
                           "recordId": "10042", "decidedBy": "SOURCE_PRIORITY", "values": []},
               "country": {"value": "DE", "source": "crm", "recordId": "10042", "decidedBy": "ONLY_VALUE", "values": []},
               "loyaltyId": {"value": "L-100200", "source": "crm", "recordId": "10042", "decidedBy": "ONLY_VALUE", "values": []},
               "emailConsent": {"granted": true, "source": "crm", "recordId": "10042", "at": "2023-05-02T09:00:00Z", "statedBy": "consent_email=true"},
               "smsConsent": {"granted": null, "source": null, "recordId": null, "at": null, "statedBy": null}},
             "purchases": {"orders": 4, "lines": 5, "revenue": 368.70, "returns": 1, "returnedValue": 699.00,
               "averageOrderValue": 92.18, "currency": "EUR", "firstPurchase": "2024-01-10T10:00:00Z",
               "lastPurchase": "2025-02-01T12:00:00Z", "revenueLast12Months": 99.90,
               "topCategories": [{"category": "ink", "quantity": 6, "revenue": 179.70}],
               "channels": [{"name": "web", "orders": 2}], "stores": [{"name": "BER-01", "orders": 2}]},
             "cx": {"nps": {"score": 3, "category": "DETRACTOR", "answeredAt": "2025-01-15T10:00:00Z", "source": "survey",
                            "recordId": "S-2", "campaignId": "NPS-Q1", "channel": "email", "store": null},
                    "csat": {"percent": 66.7, "matching": 2, "total": 3}, "ces": {"percent": 33.3, "matching": 1, "total": 3},
                    "firstResponseTime": {"average": 58.0, "median": 31.0, "tickets": 4},
                    "resolutionTime": {"average": 1273.3, "median": 370.0, "tickets": 3},
                    "firstContactResolution": {"percent": 66.7, "matching": 2, "total": 3},
                    "clv": {"value": 88.89, "annualRevenue": 99.90, "relationshipYears": 1.14, "acquisitionChannel": "web", "acquisitionCost": 25.00},
                    "socialSentiment": {"average": 0.08, "interactions": 2},
                    "churnRisk": {"score": 0, "level": "LOW", "daysSinceLastOrder": 27.6, "averageDaysBetweenOrders": 129.3, "ratio": 0.21},
                    "health": {"score": 61, "parts": [{"name": "nps", "value": 30.0, "weight": 0.25}]},
                    "needsAttention": {"needed": true, "reasons": ["recent detractor: answered NPS 3 on 2025-01-15T10:00:00Z (NPS-Q1)"]}},
             "nextBestOffers": [{"category": "printer_supplies", "because": "printers", "customers": 3, "becauseCustomers": 4,
                                 "categoryCustomers": 4, "support": 0.3, "confidence": 0.75, "lift": 1.88}],
             "sourceRecords": [
               {"source": "crm", "recordId": "10042", "kind": "customer", "firstName": "Anna", "lastName": "Schmidt",
                "email": "anna.schmidt@example.de", "phone": "+4915123456789", "birthDate": "1985-04-12", "city": "Berlin",
                "country": "DE", "loyaltyId": "L-100200", "socialHandle": "instagram:anna.bakes",
                "occurredAt": "2023-05-02T09:00:00Z", "warnings": []}],
             "links": [{"from": "crm/10042", "to": "webshop/W-77", "rule": "exact_email", "score": 1.0,
                        "evidence": "email equal after normalisation, names compatible"}],
             "updatedAt": "2025-03-01T00:00:00Z"}""";

    static final String TIMELINE = """
            {"profileId": "p-3f9a2c1e", "page": 0, "size": 20, "totalEntries": 2, "totalPages": 1, "entries": [
              {"at": "2025-02-20T10:15:00Z", "source": "helpdesk", "recordId": "T-2", "kind": "ticket",
               "summary": "Ticket opened by phone: Phone screen cracked on delivery (open)",
               "purchase": null, "campaignResponse": null, "socialInteraction": null,
               "ticket": {"openedAt": "2025-02-20T10:15:00Z", "firstResponseAt": "2025-02-20T13:00:00Z", "resolvedAt": null,
                          "channel": "phone", "contacts": 2, "status": "open", "subject": "Phone screen cracked on delivery",
                          "csat": null, "ces": null}},
              {"at": "2025-02-01T12:00:00Z", "source": "pos", "recordId": "O-2-1", "kind": "purchase",
               "summary": "Bought 3 x Ink (ink) in store BER-01 for 60.00 EUR", "ticket": null, "campaignResponse": null,
               "socialInteraction": null,
               "purchase": {"orderId": "O-2", "channel": "store", "storeId": "BER-01", "sku": "INK-1", "productName": "Ink",
                            "category": "ink", "quantity": 3, "unitPrice": 20.00, "currency": "EUR", "returned": false}}]}""";

    static final String EXPLANATION = """
            {"profileId": "p-3f9a2c1e",
             "summary": "3 record(s) joined by 2 link(s): 1 by exact_email, 1 by probabilistic",
             "records": [
               {"source": "crm", "recordId": "10042", "kind": "customer",
                "matchingIdentifiers": ["email:anna.schmidt@example.de", "phone:+4915123456789"], "warnings": []},
               {"source": "webshop", "recordId": "W-77", "kind": "customer",
                "matchingIdentifiers": ["email:anna.schmidt@example.de"], "warnings": []},
               {"source": "pos", "recordId": "P-9", "kind": "customer", "matchingIdentifiers": [],
                "warnings": ["phone '0151-2345678' is not a valid number; kept as given"]}],
             "links": [
               {"from": "crm/10042", "to": "webshop/W-77", "rule": "exact_email", "score": 1.0,
                "evidence": "email equal after normalisation, names compatible", "fields": []},
               {"from": "crm/10042", "to": "pos/P-9", "rule": "probabilistic", "score": 0.987,
                "evidence": "agree: last_name exact +8.2",
                "fields": [{"field": "last_name", "level": "exact", "weight": 8.2},
                           {"field": "birth_date", "level": "missing", "weight": 0.0}]}]}""";

    static final String HISTORY = """
            {"profileId": "3f9a2c1e-5b7d-3c1a-9e2f-0a1b2c3d4e5f", "exists": true,
             "events": [
               {"at": "2025-03-02T10:15:00Z", "kind": "merged", "survivor": "3f9a2c1e-5b7d-3c1a-9e2f-0a1b2c3d4e5f",
                "other": "8c1d0e2f-6a4b-3d9c-8e7f-1a2b3c4d5e6f", "cause": "steward", "runId": null,
                "decisionId": "d7e8f9a0-1b2c-4d3e-8f4a-5b6c7d8e9f0a", "steward": "lena.steward", "reason": null,
                "summary": "took in the records of 8c1d0e2f-6a4b-3d9c-8e7f-1a2b3c4d5e6f by steward lena.steward"},
               {"at": "2025-03-01T09:30:00Z", "kind": "split", "survivor": "3f9a2c1e-5b7d-3c1a-9e2f-0a1b2c3d4e5f",
                "other": "8c1d0e2f-6a4b-3d9c-8e7f-1a2b3c4d5e6f", "cause": "steward", "runId": null,
                "decisionId": "0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d", "steward": "lena.steward", "reason": null,
                "summary": "records split off into 8c1d0e2f-6a4b-3d9c-8e7f-1a2b3c4d5e6f by steward lena.steward"},
               {"at": "2025-02-28T02:00:00Z", "kind": "merged", "survivor": "3f9a2c1e-5b7d-3c1a-9e2f-0a1b2c3d4e5f",
                "other": "5e6f7a8b-9c0d-3e1f-a2b3-c4d5e6f7a8b9", "cause": "full_run",
                "runId": "4b5c6d7e-8f9a-4b0c-9d1e-2f3a4b5c6d7e", "decisionId": null, "steward": null, "reason": null,
                "summary": "took in the records of 5e6f7a8b-9c0d-3e1f-a2b3-c4d5e6f7a8b9 by full run 4b5c6d7e-8f9a-4b0c-9d1e-2f3a4b5c6d7e"}]}""";

    static final String RESOLUTION_RUN = """
            {"runId": "4b5c6d7e-8f9a-4b0c-9d1e-2f3a4b5c6d7e", "state": "COMPLETED", "dryRun": true,
             "startedBy": "lena.steward", "startedAt": "2025-02-28T02:00:00Z", "finishedAt": "2025-02-28T02:03:12Z",
             "thresholds": {"match": 0.9, "review": 0.5, "bridge": 0.999},
             "records": 1000000, "profilesBefore": 262968, "profilesAfter": 261502, "merges": 1203, "splits": 41,
             "recordsMoved": 3388, "candidatePairs": 8412007, "links": 3102377, "reviewPairs": 1198004,
             "genericIdentifiers": 13498, "linkWrites": {"created": 0, "updated": 0, "removed": 0, "kept": 0},
             "phases": {"readMillis": 24400, "resolveMillis": 51400, "writeMillis": 0},
             "changes": [
               {"kind": "merge", "profileId": "3f9a2c1e-5b7d-3c1a-9e2f-0a1b2c3d4e5f",
                "others": ["5e6f7a8b-9c0d-3e1f-a2b3-c4d5e6f7a8b9"]},
               {"kind": "split", "profileId": "8c1d0e2f-6a4b-3d9c-8e7f-1a2b3c4d5e6f",
                "others": ["0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d"]}],
             "error": null}""";

    static final String SUBJECT_EXPORT = """
            {"profileId": "p-3f9a2c1e", "exportedAt": "2025-03-01T09:30:00Z",
             "profile": {"profileId": "p-3f9a2c1e", "displayName": "Anna Schmidt", "...": "as GET /api/v1/profiles/{profileId}"},
             "records": [
               {"source": "crm", "recordId": "10042", "kind": "customer", "firstName": "Anna", "lastName": "Schmidt",
                "email": "anna.schmidt@example.de", "phone": "+49 151 23456789", "birthDate": "1985-04-12", "city": "Berlin",
                "postalCode": "10115", "country": "DE", "loyaltyId": "L-100200", "socialHandle": "instagram:anna.bakes",
                "occurredAt": "2023-05-02T09:00:00Z",
                "attributes": {"street": "Lindenstraße 4", "consent_email": "true"}, "warnings": []}],
             "links": [{"from": "crm/10042", "to": "webshop/W-77", "rule": "exact_email", "score": 1.0,
                        "evidence": "email equal after normalisation, names compatible"}],
             "timeline": [{"at": "2025-02-01T12:00:00Z", "source": "pos", "recordId": "O-2-1", "kind": "purchase",
                           "summary": "Bought 3 x Ink (ink) in store BER-01 for 60.00 EUR"}]}""";

    static final String ERASURE = """
            {"profileId": "p-3f9a2c1e", "records": 3, "identifiers": 4, "uploadedFiles": 1,
             "reimportBringsBack": false, "searchIndex": "removed"}""";

    static final String ERASURE_PENDING = """
            {"profileId": "p-3f9a2c1e", "records": 3, "identifiers": 4, "uploadedFiles": 1,
             "reimportBringsBack": false, "searchIndex": "pending"}""";

    static final String SEGMENT_MEMBERS = """
            {"segmentId": "seg-6b095f6b-0c6c", "total": 1250, "page": 0, "size": 2, "members": [
              {"profileId": "p-0a1b2c3d", "displayName": "Anna Schmidt", "city": "Berlin", "score": null,
               "badges": ["nps_promoter"]},
              {"profileId": "p-0a1b2c3e", "displayName": "Jürgen Müller", "city": "Berlin", "score": null,
               "badges": ["nps_detractor", "needs_attention", "churn_risk_high"]}]}""";
}
