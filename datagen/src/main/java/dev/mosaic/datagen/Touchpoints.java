package dev.mosaic.datagen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes every record of one person: customer records in the CRM, the loyalty programme and the web shop, then
 * purchases, tickets, campaign responses and social interactions, each carrying only the identifiers its channel
 * knows, written the way that source writes them.
 */
final class Touchpoints {

    private static final Phone.Format[] AGENT_FORMATS = {Phone.Format.NATIONAL, Phone.Format.DASH,
            Phone.Format.SLASH, Phone.Format.BRACKETS, Phone.Format.ODD_SPLIT, Phone.Format.GROUPED};
    private static final Weighted<String> TICKET_CHANNELS = Weighted.of("email", 0.4, "phone", 0.25, "chat", 0.2,
            "social", 0.05, "store", 0.1);
    private static final Weighted<String> SOCIAL_KINDS = Weighted.of("mention", 0.3, "comment", 0.35,
            "message", 0.2, "review", 0.15);

    private final Mess mess;
    private final MessRates rates;
    private final Ids ids;
    private final CsvSink customers;
    private final CsvSink purchases;
    private final CsvSink tickets;
    private final CsvSink campaigns;
    private final CsvSink social;
    private final CsvSink truth;

    private long written;

    Touchpoints(Mess mess, Ids ids, CsvSink customers, CsvSink purchases, CsvSink tickets, CsvSink campaigns,
            CsvSink social, CsvSink truth) {
        this.mess = mess;
        this.rates = mess.rates();
        this.ids = ids;
        this.customers = customers;
        this.purchases = purchases;
        this.tickets = tickets;
        this.campaigns = campaigns;
        this.social = social;
        this.truth = truth;
    }

    /** Writes all records of the person; returns how many. */
    long write(Person person, Rng rng) {
        long before = written;
        if (person.crm) {
            crm(person, rng);
        }
        if (person.loyaltyMember) {
            loyalty(person, rng);
        }
        if (person.webshopAccount) {
            webshopAccount(person, rng);
        }
        List<Order> orders = purchases(person, rng);
        tickets(person, orders, rng);
        campaignResponses(person, rng);
        socialInteractions(person, rng);
        if (written == before) {
            // everyone is known somewhere: at least a CRM contact
            crm(person, rng);
        }
        return written - before;
    }

    private static long daytime(Person person, long at, int fromHour, int toHour, Rng rng) {
        return Timestamps.duringLocalHours(at, person.country, fromHour, toHour, rng);
    }

    private String begin(CsvSink sink, String source, String recordId, Person person) {
        truth.field(source).field(recordId).field(person.id).endRow();
        truth.commit();
        sink.field(source).field(recordId);
        written++;
        return recordId;
    }

    // --- customers -------------------------------------------------------------------------------------------------

    private boolean placeholderEmail(Person person, Rng rng) {
        return rng.chance(person.prefersPlaceholders ? Math.min(1, rates.placeholder() * 12) : rates.placeholder());
    }

    private boolean storePhone(Person person, Rng rng) {
        return rng.chance(person.prefersPlaceholders ? Math.min(1, rates.placeholder() * 6)
                : rates.placeholder() * 0.6);
    }

    private void crm(Person person, Rng rng) {
        long created = daytime(person, person.since + rng.between(0L, 3 * Timestamps.DAY), 8, 19, rng);
        crmRecord(person, rng, created, 0.7);
        if (rng.chance(rates.duplicateRecord())) {
            // a second contact created by another agent who did not find the first
            crmRecord(person, rng, daytime(person, rng.between(created, Timestamps.NOW), 8, 19, rng), 1.3);
        }
    }

    private void crmRecord(Person person, Rng rng, long created, double sloppiness) {
        boolean inStore = rng.chance(0.35);
        long asOf = rng.chance(0.7) ? Timestamps.NOW - Timestamps.DAY : created;
        String card = person.loyaltyId != null && rng.chance(0.6) ? person.loyaltyIdAt(asOf) : "";
        customer(person, rng, "crm", ids.next(Ids.Kind.CRM), created, asOf, sloppiness, inStore,
                0.92, 0.8, 0.7, 0.9, card, 0.3);
        Timestamps.appendUtc(scratch(), created);
        customers.field(scratch);
        boolean newsletterConsent = person.newsletter ? rng.chance(0.92) : rng.chance(0.05);
        customers.field(Boolean.toString(newsletterConsent));
        customers.field(Boolean.toString(person.smsOptIn ? rng.chance(0.9) : rng.chance(0.03)));
        customers.endRow();
        customers.commit();
    }

    private void loyalty(Person person, Rng rng) {
        long signUp = daytime(person, person.since + rng.between(0L, 400 * Timestamps.DAY), 9, 20, rng);
        if (person.formerLoyaltyId == null) {
            loyaltyRecord(person, rng, signUp, person.loyaltyId);
        } else {
            // a lost card: the replacement got a member record of its own
            loyaltyRecord(person, rng, signUp, person.formerLoyaltyId);
            long replaced = Math.max(signUp + Timestamps.DAY, person.loyaltyCardSince);
            loyaltyRecord(person, rng, daytime(person, replaced, 9, 20, rng), person.loyaltyId);
        }
    }

    private void loyaltyRecord(Person person, Rng rng, long signUp, String cardId) {
        boolean inStore = rng.chance(0.7);
        customer(person, rng, "loyalty", ids.next(Ids.Kind.LOYALTY_MEMBER), signUp, signUp, inStore ? 1.4 : 1.0,
                inStore, 0.8, 0.6, 0.55, 0.6, cardId, 0.1);
        Timestamps.appendLocal(scratch(), signUp, person.country);
        customers.field(scratch);
        customers.field(optionalBoolean(person.newsletter, rng));
        customers.field(optionalBoolean(person.smsOptIn, rng));
        customers.endRow();
        customers.commit();
    }

    private void webshopAccount(Person person, Rng rng) {
        long created = daytime(person, person.since + rng.between(0L, 200 * Timestamps.DAY), 6, 24, rng);
        webshopRecord(person, rng, created);
        if (rng.chance(rates.duplicateRecord() * 2)) {
            // a second account, usually under another address (forgot the password, work address)
            webshopRecord(person, rng, daytime(person, rng.between(created, Timestamps.NOW), 6, 24, rng));
        }
    }

    private void webshopRecord(Person person, Rng rng, long created) {
        long asOf = rng.chance(0.5) ? Timestamps.NOW - Timestamps.DAY : created;
        String card = person.loyaltyId != null && rng.chance(0.2) ? person.loyaltyIdAt(asOf) : "";
        customer(person, rng, "webshop", ids.next(Ids.Kind.WEBSHOP_ACCOUNT), created, asOf, 0.9, false,
                1.0, 0.4, 0.25, 1.0, card, 0.15);
        Timestamps.appendUtc(scratch(), created);
        customers.field(scratch);
        customers.field(Boolean.toString(person.newsletter ? rng.chance(0.85) : rng.chance(0.1)));
        customers.empty();
        customers.endRow();
        customers.commit();
    }

    /** The columns from source to social_handle; the caller adds created_at and the consents. */
    private void customer(Person person, Rng rng, String source, String recordId, long created, long asOf,
            double sloppiness, boolean inStore, double emailShare, double phoneShare, double birthShare,
            double streetShare, String loyaltyId, double socialShare) {
        begin(customers, source, recordId, person);
        Mess.Name name = mess.name(person, asOf, rng, sloppiness);
        customers.field(name.first()).field(name.last());
        Stores.Store store = inStore ? Stores.near(person.addressAt(created), rng) : null;
        if (inStore && placeholderEmail(person, rng)) {
            customers.field(mess.placeholderEmail(rng, sloppiness));
        } else if (person.hasAnyEmail() && rng.chance(emailShare)) {
            customers.field(mess.email(person.usualEmail(rng), rng, sloppiness));
        } else {
            customers.empty();
        }
        if (inStore && storePhone(person, rng)) {
            customers.field(store.phoneAsTyped());
        } else if (rng.chance(phoneShare)) {
            Phone.Format usual = switch (source) {
                case "crm" -> Phone.Format.INTERNATIONAL;
                case "webshop" -> Phone.Format.E164;
                default -> Phone.Format.NATIONAL;
            };
            customers.field(mess.phone(person.usualPhone(rng), usual, rng));
        } else {
            customers.empty();
        }
        customers.fieldIf(rng.chance(birthShare), mess.birthDate(person.birthDay, rng));
        Address address = person.addressAt(asOf);
        customers.fieldIf(rng.chance(streetShare), mess.street(address, rng));
        boolean hasPlace = rng.chance(0.95) || source.equals("webshop");
        customers.fieldIf(hasPlace, mess.postalCode(address, rng));
        customers.fieldIf(hasPlace, mess.city(address, rng));
        customers.fieldIf(rng.chance(0.92), mess.country(person.country, rng));
        customers.field(loyaltyId);
        if (person.socialHandle != null && rng.chance(socialShare)) {
            customers.field(socialHandle(person, rng));
        } else {
            customers.empty();
        }
    }

    private String socialHandle(Person person, Rng rng) {
        boolean second = person.secondSocialHandle != null && rng.chance(0.3);
        String platform = second ? person.secondSocialPlatform : person.socialPlatform;
        String handle = second ? person.secondSocialHandle : person.socialHandle;
        if (rng.chance(rates.addressVariant() * 0.2)) {
            return Spelling.capitalised(platform) + ":@" + handle;
        }
        return platform + ":" + handle;
    }

    private static String optionalBoolean(boolean likely, Rng rng) {
        if (rng.chance(0.3)) {
            return "";
        }
        return Boolean.toString(likely ? rng.chance(0.9) : rng.chance(0.05));
    }

    // --- purchases -------------------------------------------------------------------------------------------------

    private record Order(String id, long at, boolean web, List<Catalogue.Product> products) {
    }

    private List<Order> purchases(Person person, Rng rng) {
        int inStore = person.buysInStores ? Math.min(40, rng.poisson(1.6 * person.activity)) : 0;
        int online = person.buysOnline ? Math.min(40, rng.poisson(1.3 * person.activity)) : 0;
        int count = inStore + online;
        if (count == 0) {
            return List.of();
        }
        long[] times = new long[count];
        for (int i = 0; i < count; i++) {
            // web orders carry a flag in the lowest bit so that sorting keeps it with its time
            long at = rng.between(person.since, Timestamps.NOW - Timestamps.HOUR);
            times[i] = (at << 1) | (i < online ? 1 : 0);
        }
        Arrays.sort(times);
        List<Catalogue.Product> owned = new ArrayList<>(4);
        List<Order> orders = new ArrayList<>(count);
        for (long packed : times) {
            long at = packed >> 1;
            boolean web = (packed & 1) == 1;
            List<Catalogue.Product> basket = basket(person, owned, rng);
            Order order = web ? webOrder(person, at, basket, rng) : storeOrder(person, at, basket, rng);
            if (order != null) {
                orders.add(order);
            }
        }
        return orders;
    }

    /** A device with accessories, a follow-up consumable for a device owned, or a small item. */
    private static List<Catalogue.Product> basket(Person person, List<Catalogue.Product> owned, Rng rng) {
        List<Catalogue.Product> basket = new ArrayList<>(4);
        if (!owned.isEmpty() && rng.chance(0.5)) {
            Catalogue.Product device = rng.pick(owned);
            if (!device.laterOn().isEmpty()) {
                basket.add(rng.pick(device.laterOn()));
                if (rng.chance(0.25)) {
                    Catalogue.Product more = rng.pick(device.laterOn());
                    if (!basket.contains(more)) {
                        basket.add(more);
                    }
                }
                return basket;
            }
        }
        Catalogue.Product anchor;
        if (rng.chance(0.6)) {
            anchor = Catalogue.anchor(rng.pick(person.interests), rng);
        } else if (rng.chance(0.5)) {
            anchor = Catalogue.anyAnchor(rng);
        } else {
            basket.add(Catalogue.smallItem(rng));
            return basket;
        }
        basket.add(anchor);
        if (owned.size() < 6 && !owned.contains(anchor)) {
            owned.add(anchor);
        }
        for (Catalogue.Product accessory : anchor.withIt()) {
            if (basket.size() < 4 && rng.chance(0.35)) {
                basket.add(accessory);
            }
        }
        return basket;
    }

    private Order storeOrder(Person person, long at, List<Catalogue.Product> basket, Rng rng) {
        long when = daytime(person, at, 9, 20, rng);
        Address address = person.addressAt(when);
        Stores.Store store = Stores.near(address, rng);
        String loyalty = person.loyaltyId != null && rng.chance(0.8) ? person.loyaltyIdAt(when) : "";
        String email = "";
        if (rng.chance(0.15)) {
            // an e-receipt
            if (placeholderEmail(person, rng)) {
                email = mess.placeholderEmail(rng, 1.5);
            } else if (person.hasAnyEmail()) {
                email = mess.email(person.usualEmail(rng), rng, 1.5);
            }
        }
        String phone = "";
        if (rng.chance(0.08)) {
            Phone personal = person.usualPhone(rng);
            if (storePhone(person, rng)) {
                phone = store.phoneAsTyped();
            } else if (personal != null) {
                phone = mess.phone(personal, Phone.Format.NATIONAL_COMPACT, rng);
            }
        }
        boolean named = rng.chance(0.1);
        if (loyalty.isEmpty() && email.isEmpty() && phone.isEmpty() && !named) {
            return null;    // an anonymous sale: no customer record anywhere
        }
        Mess.Name name = named ? mess.name(person, when, rng, 1.5) : null;
        String postal = named && rng.chance(0.4) ? mess.postalCode(address, rng) : "";
        String orderId = store.id() + "-" + ids.next(Ids.Kind.STORE_RECEIPT);
        String time = Timestamps.local(when, person.country);
        orderLines(person, "pos", orderId, time, "store", store.id(), email, phone, loyalty, name, postal, basket,
                0.04, rng);
        return new Order(orderId, when, false, basket);
    }

    private Order webOrder(Person person, long at, List<Catalogue.Product> basket, Rng rng) {
        String channel = rng.chance(person.appUser ? 0.45 : 0.08) ? "app" : "web";
        String email = mess.email(person.usualEmail(rng), rng, 0.8);
        String phone = rng.chance(0.3) ? mess.phone(person.usualPhone(rng), Phone.Format.E164, rng) : "";
        String loyalty = person.loyaltyId != null && rng.chance(0.15) ? person.loyaltyIdAt(at) : "";
        Mess.Name name = mess.name(person, at, rng, 0.8);
        String postal = mess.postalCode(person.addressAt(at), rng);
        String orderId = ids.next(Ids.Kind.WEB_ORDER);
        orderLines(person, "webshop", orderId, Timestamps.utc(daytime(person, at, 6, 24, rng)), channel, "", email, phone, loyalty, name, postal,
                basket, 0.10, rng);
        return new Order(orderId, at, true, basket);
    }

    private void orderLines(Person person, String source, String orderId, String time, String channel,
            String storeId, String email, String phone, String loyalty, Mess.Name name, String postal,
            List<Catalogue.Product> basket, double returnRate, Rng rng) {
        double discount = rng.chance(0.15) ? 0.05 * rng.between(2, 5) : 0;
        int line = 1;
        for (Catalogue.Product product : basket) {
            begin(purchases, source, orderId + "-" + line++, person);
            purchases.field(orderId).field(time).field(channel).field(storeId).field(email).field(phone)
                    .field(loyalty);
            if (name == null) {
                purchases.empty().empty();
            } else {
                purchases.field(name.first()).field(name.last());
            }
            purchases.field(postal).field(product.sku()).field(product.name()).field(product.category().slug());
            boolean consumable = product.category() == Catalogue.Category.PRINTER_SUPPLIES
                    || product.category() == Catalogue.Category.COFFEE;
            int quantity = consumable && rng.chance(0.35) ? rng.between(2, 4)
                    : !product.anchor() && rng.chance(0.03) ? 2 : 1;
            purchases.field(quantity);
            Catalogue.appendAmount(scratch(), Catalogue.price(product, person.country, discount));
            purchases.field(scratch);
            purchases.field(person.country.currency());
            purchases.field(Boolean.toString(rng.chance(product.anchor() ? returnRate : returnRate / 4)));
            purchases.endRow();
        }
        purchases.commit();
    }

    // --- tickets ---------------------------------------------------------------------------------------------------

    private void tickets(Person person, List<Order> orders, Rng rng) {
        int count = Math.min(10, rng.poisson(0.3 * person.activity + 0.05 * orders.size()));
        for (int i = 0; i < count; i++) {
            long opened = rng.between(person.since, Timestamps.NOW - Timestamps.HOUR);
            Order order = null;
            for (Order candidate : orders) {
                if (candidate.at() <= opened) {
                    order = candidate;
                }
            }
            ticket(person, opened, order, rng);
        }
    }

    private void ticket(Person person, long opened, Order order, Rng rng) {
        String channel = TICKET_CHANNELS.pick(rng);
        opened = channel.equals("email") || channel.equals("social")
                ? daytime(person, opened, 6, 24, rng) : daytime(person, opened, 8, 20, rng);
        begin(tickets, "helpdesk", ids.next(Ids.Kind.TICKET), person);
        long firstResponse = opened + switch (channel) {
            case "phone", "store" -> rng.between(0L, 180L);
            case "chat" -> rng.between(30L, 900L);
            default -> (long) Math.min(5 * Timestamps.DAY, 4 * Timestamps.HOUR * rng.logNormal(1.2));
        };
        int contacts = rng.geometric(0.55, 8);
        long resolved = firstResponse + (long) (contacts * 8 * Timestamps.HOUR * rng.logNormal(1.3));
        boolean done = resolved < Timestamps.NOW;
        String status;
        if (done) {
            status = rng.chance(0.55) ? "resolved" : "closed";
        } else {
            status = firstResponse >= Timestamps.NOW || rng.chance(0.5) ? "open" : "pending";
            contacts = Math.max(1, contacts - 1);
        }
        tickets.field(Timestamps.utc(opened));
        tickets.fieldIf(firstResponse < Timestamps.NOW, firstResponse < Timestamps.NOW
                ? Timestamps.utc(firstResponse) : "");
        tickets.fieldIf(done, done ? Timestamps.utc(resolved) : "");
        tickets.field(channel);
        tickets.field(contacts);
        tickets.field(status);

        double emailShare = switch (channel) {
            case "email" -> 0.97;
            case "chat" -> 0.75;
            case "phone", "store" -> 0.3;
            default -> 0.2;
        };
        double phoneShare = switch (channel) {
            case "phone" -> 0.9;
            case "store" -> 0.5;
            case "chat", "email" -> 0.1;
            default -> 0.05;
        };
        String email = "";
        String phone = "";
        if (channel.equals("store") && placeholderEmail(person, rng)) {
            email = mess.placeholderEmail(rng, 1.3);
        } else if (person.hasAnyEmail() && rng.chance(emailShare)) {
            email = mess.email(person.usualEmail(rng), rng, 1.3);
        }
        Phone personal = person.usualPhone(rng);
        if (channel.equals("store") && storePhone(person, rng)) {
            phone = Stores.near(person.addressAt(opened), rng).phoneAsTyped();
        } else if (personal != null && (rng.chance(phoneShare) || email.isEmpty())) {
            phone = mess.phone(personal, rng.pick(AGENT_FORMATS), rng);
        }
        tickets.field(email).field(phone);
        tickets.fieldIf(rng.chance(0.9) || (email.isEmpty() && phone.isEmpty()),
                mess.fullName(person, opened, rng, 1.3));
        String product = order != null ? rng.pick(order.products()).name()
                : Catalogue.anchor(rng.pick(person.interests), rng).name();
        tickets.field(Texts.subject(person.country.language(), rng, product, order != null ? order.id() : "",
                person.addressAt(opened).city().name()));
        boolean surveyed = done && rng.chance(0.35);
        if (surveyed) {
            double csat = 5 - 0.6 * (contacts - 1) - Math.abs(rng.gaussian());
            tickets.field(Math.max(1, Math.min(5, Math.round(csat))));
        } else {
            tickets.empty();
        }
        if (done && rng.chance(0.25)) {
            double ces = 1 + 0.7 * (contacts - 1) + Math.abs(rng.gaussian());
            tickets.field(Math.max(1, Math.min(5, Math.round(ces))));
        } else {
            tickets.empty();
        }
        tickets.endRow();
        tickets.commit();
    }

    // --- campaign responses ----------------------------------------------------------------------------------------

    private void campaignResponses(Person person, Rng rng) {
        double reach = Math.min(0.9, 0.35 * person.activity);
        if (person.newsletter) {
            String address = person.usualEmail(rng);
            for (Campaigns.Campaign campaign : Campaigns.reaching(Campaigns.Channel.EMAIL, person.since)) {
                if (rng.chance(reach) && !campaignEvents(person, campaign, "newsletter", Ids.Kind.NEWSLETTER_EVENT,
                        address, null, rng)) {
                    break;
                }
            }
        }
        if (person.smsOptIn) {
            for (Campaigns.Campaign campaign : Campaigns.reaching(Campaigns.Channel.SMS, person.since)) {
                if (rng.chance(reach) && !campaignEvents(person, campaign, "sms", Ids.Kind.SMS_EVENT, null,
                        person.mobile, rng)) {
                    break;
                }
            }
        }
        if (person.appUser) {
            String account = person.usualEmail(rng);
            for (Campaigns.Campaign campaign : Campaigns.reaching(Campaigns.Channel.PUSH, person.since)) {
                if (rng.chance(reach)) {
                    campaignEvents(person, campaign, "app", Ids.Kind.PUSH_EVENT, account,
                            rng.chance(0.2) ? person.mobile : null, rng);
                }
            }
        }
        if (person.socialPlatform != null && !person.socialPlatform.equals("x") && rng.chance(0.3)) {
            String source = person.socialPlatform.equals("facebook") ? "facebook" : "instagram";
            for (Campaigns.Campaign campaign : Campaigns.reaching(Campaigns.Channel.SOCIAL, person.since)) {
                if (rng.chance(0.5)) {
                    boolean byEmail = person.hasAnyEmail() && rng.chance(0.8);
                    campaignEvents(person, campaign, source, Ids.Kind.AD_EVENT,
                            byEmail ? person.usualEmail(rng) : null, byEmail ? null : person.usualPhone(rng), rng);
                }
            }
        }
    }

    /** The events of one person in one campaign; false when the person unsubscribed. */
    private boolean campaignEvents(Person person, Campaigns.Campaign campaign, String source, Ids.Kind kind,
            String email, Phone phone, Rng rng) {
        if (email == null && phone == null) {
            return true;
        }
        Campaigns.Channel channel = campaign.channel();
        long at = campaign.start() + rng.between(0L, 2 * Timestamps.HOUR);
        if (at >= Timestamps.NOW) {
            return true;
        }
        if (channel != Campaigns.Channel.SOCIAL && rng.chance(0.02)) {
            campaignEvent(person, campaign, source, kind, "bounced", at, email, phone, -1, 0, rng);
            return true;
        }
        if (channel != Campaigns.Channel.SOCIAL && rng.chance(0.5)) {
            campaignEvent(person, campaign, source, kind, "delivered", at, email, phone, -1, 0, rng);
        }
        if (campaign.survey()) {
            if (rng.chance(0.3)) {
                at += (long) (Timestamps.HOUR * 6 * rng.logNormal(1));
                campaignEvent(person, campaign, source, kind, "surveyed", at, email, phone, nps(rng), 0, rng);
            }
            return true;
        }
        boolean opened = channel == Campaigns.Channel.EMAIL || channel == Campaigns.Channel.PUSH
                ? rng.chance(0.45) : true;
        if (opened && channel == Campaigns.Channel.EMAIL || opened && channel == Campaigns.Channel.PUSH) {
            at += (long) (Timestamps.HOUR * 3 * rng.logNormal(1.2));
            campaignEvent(person, campaign, source, kind, "opened", at, email, phone, -1, 0, rng);
        }
        if (opened && rng.chance(channel == Campaigns.Channel.SOCIAL ? 0.8 : 0.3)) {
            at += (long) (Timestamps.MINUTE * 5 * rng.logNormal(1));
            campaignEvent(person, campaign, source, kind, "clicked", at, email, phone, -1, 0, rng);
            if (rng.chance(0.25)) {
                at += (long) (Timestamps.MINUTE * 20 * rng.logNormal(1));
                long revenue = Math.round(2000 * rng.logNormal(0.9)) * 10 - 1;
                campaignEvent(person, campaign, source, kind, "converted", at, email, phone, -1, Math.max(499, revenue),
                        rng);
            }
        }
        if (channel != Campaigns.Channel.SOCIAL && rng.chance(0.015)) {
            campaignEvent(person, campaign, source, kind, "unsubscribed", at + Timestamps.MINUTE, email, phone, -1, 0,
                    rng);
            return false;
        }
        return true;
    }

    private static int nps(Rng rng) {
        double p = rng.nextDouble();
        if (p < 0.45) {
            return rng.between(9, 10);
        } else if (p < 0.75) {
            return rng.between(7, 8);
        }
        return rng.between(0, 6);
    }

    private void campaignEvent(Person person, Campaigns.Campaign campaign, String source, Ids.Kind kind,
            String event, long at, String email, Phone phone, int nps, long revenueCents, Rng rng) {
        if (at >= Timestamps.NOW) {
            return;
        }
        begin(campaigns, source, ids.next(kind), person);
        campaigns.field(campaign.id()).field(campaign.name()).field(campaign.channel().value());
        campaigns.field(Timestamps.utc(at)).field(event);
        campaigns.field(mess.email(email, rng, 0.3));
        campaigns.field(mess.phone(phone, Phone.Format.E164, rng));
        if (nps >= 0) {
            campaigns.field(nps);
        } else {
            campaigns.empty();
        }
        if (revenueCents > 0) {
            Catalogue.appendAmount(scratch(), revenueCents);
            campaigns.field(scratch);
        } else {
            campaigns.empty();
        }
        campaigns.endRow();
        campaigns.commit();
    }

    // --- social interactions ---------------------------------------------------------------------------------------

    private void socialInteractions(Person person, Rng rng) {
        if (person.socialPlatform == null) {
            return;
        }
        int count = Math.min(15, rng.poisson(1.2 * person.activity));
        double mood = rng.gaussian() * 0.5;     // some people are happier than others
        for (int i = 0; i < count; i++) {
            boolean second = person.secondSocialHandle != null && rng.chance(0.25);
            String platform = second ? person.secondSocialPlatform : person.socialPlatform;
            String handle = second ? person.secondSocialHandle : person.socialHandle;
            Ids.Kind kind = switch (platform) {
                case "instagram" -> Ids.Kind.INSTAGRAM;
                case "facebook" -> Ids.Kind.FACEBOOK;
                case "tiktok" -> Ids.Kind.TIKTOK;
                default -> Ids.Kind.X;
            };
            long at = daytime(person, rng.between(person.since, Timestamps.NOW), 7, 24, rng);
            begin(social, platform, ids.next(kind), person);
            social.field(platform);
            double h = rng.nextDouble();
            social.field(h < 0.85 ? handle : h < 0.93 ? "@" + handle : Spelling.capitalised(handle));
            social.field(displayName(person, at, handle, rng));
            social.field(Timestamps.utc(at));
            String interaction = SOCIAL_KINDS.pick(rng);
            if (interaction.equals("review") && (platform.equals("x") || platform.equals("tiktok"))) {
                interaction = "comment";    // reviews live on pages (facebook, instagram shops)
            }
            social.field(interaction);
            double m = mood + rng.gaussian() * 0.6;
            Texts.Mood textMood = m > 0.15 ? Texts.Mood.POSITIVE : m < -0.45 ? Texts.Mood.NEGATIVE
                    : Texts.Mood.NEUTRAL;
            String product = Catalogue.anchor(rng.pick(person.interests), rng).name();
            social.field(Texts.post(person.country.language(), textMood, rng, product,
                    person.addressAt(at).city().name()));
            double sentiment = switch (textMood) {
                case POSITIVE -> 0.30 + 0.68 * rng.nextDouble();
                case NEUTRAL -> -0.25 + 0.5 * rng.nextDouble();
                case NEGATIVE -> -0.98 + 0.68 * rng.nextDouble();
            };
            appendSentiment(scratch(), sentiment);
            social.field(scratch);
            if (interaction.equals("review")) {
                social.field(switch (textMood) {
                    case POSITIVE -> rng.chance(0.7) ? 5 : 4;
                    case NEUTRAL -> rng.chance(0.7) ? 3 : 4;
                    case NEGATIVE -> rng.chance(0.6) ? 1 : 2;
                });
            } else {
                social.empty();
            }
            boolean message = interaction.equals("message");
            social.fieldIf(person.hasAnyEmail() && rng.chance(message ? 0.3 : 0.03),
                    person.hasAnyEmail() ? mess.email(person.usualEmail(rng), rng, 1.2) : "");
            Phone phone = person.usualPhone(rng);
            social.fieldIf(phone != null && rng.chance(message ? 0.08 : 0.005),
                    phone != null ? mess.phone(phone, Phone.Format.INTERNATIONAL, rng) : "");
            social.endRow();
            social.commit();
        }
    }

    private String displayName(Person person, long at, String handle, Rng rng) {
        Mess.Name name = mess.name(person, at, rng, 1.0);
        double p = rng.nextDouble();
        if (p < 0.40) {
            return name.first() + " " + name.last();
        } else if (p < 0.60) {
            return name.first() + " " + name.last().charAt(0) + ".";
        } else if (p < 0.75) {
            return name.first();
        } else if (p < 0.85) {
            return handle;
        } else if (p < 0.95) {
            return name.first() + " " + name.last() + " " + rng.pick(new String[] {"🌸", "✨", "⚽", "☕", "🎮"});
        }
        return Spelling.upper(name.first() + " " + name.last());
    }

    /** Two decimals, e.g. {@code 0.85}, {@code -0.40}, {@code 0.00}. */
    static void appendSentiment(StringBuilder out, double value) {
        long hundredths = Math.round(Math.max(-1, Math.min(1, value)) * 100);
        if (hundredths < 0) {
            out.append('-');
            hundredths = -hundredths;
        }
        out.append(hundredths / 100).append('.');
        if (hundredths % 100 < 10) {
            out.append('0');
        }
        out.append(hundredths % 100);
    }

    private final StringBuilder scratch = new StringBuilder(32);

    private StringBuilder scratch() {
        scratch.setLength(0);
        return scratch;
    }
}
