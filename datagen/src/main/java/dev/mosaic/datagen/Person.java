package dev.mosaic.datagen;

import java.util.ArrayList;
import java.util.List;

/**
 * One real person, as the generator knows them: the truth from which every source's record is written. Filled in by
 * {@link Population}; only lives while its generation unit is being written.
 */
final class Person {

    final long index;
    final String id;
    final Country country;
    final boolean female;

    String firstName;
    String lastName;
    /** The last name before {@link #lastNameSince}, or null. */
    String formerLastName;
    long lastNameSince;

    int birthDay;

    Address address;
    /** The address before {@link #movedAt}, or null. */
    Address formerAddress;
    long movedAt;

    /** Own private address, or null (people without email, some household members). */
    String email;
    /** A second address (work or an older private one), or null. */
    String secondEmail;
    /** The household's shared mailbox, or null. */
    String familyEmail;

    Phone mobile;
    /** A landline (shared in a household) or a second mobile, or null. */
    Phone secondPhone;

    String loyaltyId;
    /** A replaced card, used until {@link #loyaltyCardSince}, or null. */
    String formerLoyaltyId;
    long loyaltyCardSince;

    String socialPlatform;
    String socialHandle;
    String secondSocialPlatform;
    String secondSocialHandle;

    /** First contact with the retailer. */
    long since;
    /** How much this person shops, writes and reacts, around 1. */
    double activity;

    boolean crm;
    boolean loyaltyMember;
    boolean webshopAccount;
    boolean buysOnline;
    boolean buysInStores;
    boolean newsletter;
    boolean smsOptIn;
    boolean appUser;
    boolean prefersPlaceholders;

    final List<Catalogue.Category> interests = new ArrayList<>(2);

    long householdId = -1;
    long namesakeGroup = -1;

    Person(long index, String id, Country country, boolean female) {
        this.index = index;
        this.id = id;
        this.country = country;
        this.female = female;
    }

    String lastNameAt(long at) {
        return formerLastName != null && at < lastNameSince ? formerLastName : lastName;
    }

    Address addressAt(long at) {
        return formerAddress != null && at < movedAt ? formerAddress : address;
    }

    String loyaltyIdAt(long at) {
        return formerLoyaltyId != null && at < loyaltyCardSince ? formerLoyaltyId : loyaltyId;
    }

    int birthYear() {
        return Timestamps.yearOf(birthDay);
    }

    boolean hasAnyEmail() {
        return email != null || familyEmail != null;
    }

    /** The address this person would give now: own mostly, the family mailbox when there is no own one. */
    String usualEmail(Rng rng) {
        if (email == null) {
            return familyEmail;
        }
        if (familyEmail != null && rng.chance(0.4)) {
            return familyEmail;
        }
        if (secondEmail != null && rng.chance(0.25)) {
            return secondEmail;
        }
        return email;
    }

    Phone usualPhone(Rng rng) {
        if (mobile == null) {
            return secondPhone;
        }
        if (secondPhone != null && rng.chance(0.3)) {
            return secondPhone;
        }
        return mobile;
    }
}
