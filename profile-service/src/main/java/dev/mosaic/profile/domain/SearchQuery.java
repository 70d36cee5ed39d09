package dev.mosaic.profile.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.mosaic.identity.domain.NameKey;

/**
 * What was typed into the search box, read every way it could be meant: name tokens folded as the index folds names
 * (so "Müller" and "Mueller" meet), and, where it could be one, an email, a phone key or a loyalty id.
 *
 * @param nameTokens folded tokens of the text; empty when it holds no letters or digits
 * @param email the text as a (partial) email, lower-case; null unless it holds an @
 * @param phoneKey the E.164 key of the text read as a phone number; null when it is none
 * @param identifier the text as typed, stripped, for loyalty ids; null when blank
 * @param cityKey the city filter folded like names; null for no filter
 * @param store the store id filter; null for no filter
 */
public record SearchQuery(String text, List<String> nameTokens, String email, String phoneKey, String identifier,
                          String cityKey, String store) {

    public static final int MAX_TOKENS = 10;

    public SearchQuery {
        nameTokens = List.copyOf(nameTokens);
    }

    public static SearchQuery of(String text, String city, String store, String defaultRegion) {
        String stripped = text == null ? "" : text.strip();
        List<String> tokens = SearchKeys.tokens(stripped);
        if (tokens.size() > MAX_TOKENS) {
            tokens = tokens.subList(0, MAX_TOKENS);
        }
        String email = stripped.contains("@") ? stripped.toLowerCase(Locale.ROOT) : null;
        String phone = stripped.chars().filter(Character::isDigit).count() >= 6
                ? PhoneKey.of(stripped, defaultRegion).orElse(null) : null;
        return new SearchQuery(stripped, tokens, email, phone, stripped.isEmpty() ? null : stripped,
                city == null || city.isBlank() ? null : NameKey.fold(city),
                store == null || store.isBlank() ? null : store.strip());
    }

    public boolean hasText() {
        return identifier != null;
    }

    public Optional<String> emailValue() {
        return Optional.ofNullable(email);
    }
}
