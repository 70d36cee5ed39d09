package dev.mosaic.datagen;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Ticket subjects and social posts in the customer's language, with product names, order numbers and cities filled
 * in. Some contain commas, quotes, emoji or a line break, as real ones do.
 */
final class Texts {

    enum Mood { POSITIVE, NEUTRAL, NEGATIVE }

    private static final Map<Country.Language, List<String>> SUBJECTS = new EnumMap<>(Country.Language.class);
    private static final Map<Country.Language, Map<Mood, List<String>>> POSTS = new EnumMap<>(Country.Language.class);

    static {
        SUBJECTS.put(Country.Language.GERMAN, List.of(
                "Lieferung fehlt – Bestellung {order}",
                "{product} defekt, bitte um Austausch",
                "Rücksendung {product}: Etikett fehlt",
                "Rechnung für Bestellung {order} fehlt",
                "Kundenkarte funktioniert nicht",
                "Adresse ändern",
                "Frage zu \"{product}\"",
                "Newsletter abbestellen",
                "Garantieanfrage, {product}",
                "Passwort vergessen",
                "Punkte nicht gutgeschrieben",
                "Beschwerde: Beratung in der Filiale {city}",
                "Falscher Artikel geliefert ({order})"));
        SUBJECTS.put(Country.Language.ENGLISH, List.of(
                "Where is my order {order}?",
                "{product} stopped working",
                "Refund not received",
                "Change of address",
                "Question about \"{product}\"",
                "Loyalty points missing",
                "Cannot log in",
                "Wrong item delivered, order {order}",
                "Complaint about the {city} store"));
        SUBJECTS.put(Country.Language.FRENCH, List.of(
                "Commande {order} non reçue",
                "{product} en panne",
                "Remboursement, retour {product}",
                "Changement d'adresse",
                "Question sur « {product} »",
                "Points fidélité manquants",
                "Facture de la commande {order}"));
        SUBJECTS.put(Country.Language.SPANISH, List.of(
                "Pedido {order} no recibido",
                "{product} no funciona",
                "Devolución de {product}",
                "Cambio de dirección",
                "Puntos no acumulados",
                "Factura del pedido {order}",
                "Queja, tienda de {city}"));

        POSTS.put(Country.Language.GERMAN, Map.of(
                Mood.POSITIVE, List.of(
                        "Super Beratung in der Filiale {city}, danke! 👍",
                        "Mein neuer {product} ist angekommen – top!",
                        "Schnelle Lieferung, alles bestens.",
                        "Liebe meinen {product} ❤️",
                        "Danke ans Team in {city}!\nIhr seid klasse."),
                Mood.NEUTRAL, List.of(
                        "Hat jemand Erfahrung mit dem {product}?",
                        "Wann macht ihr in {city} wieder auf?",
                        "Gibt es den {product} auch in Schwarz?",
                        "Kann man den Gutschein auch online einlösen?"),
                Mood.NEGATIVE, List.of(
                        "Seit zwei Wochen warte ich auf meine Bestellung. Echt enttäuschend!",
                        "{product} nach 3 Tagen kaputt 😡",
                        "Hotline nicht erreichbar, \"wir rufen zurück\" – natürlich nicht.",
                        "Zweimal reklamiert,\nimmer noch keine Antwort.")));
        POSTS.put(Country.Language.ENGLISH, Map.of(
                Mood.POSITIVE, List.of(
                        "Love my new {product}! 😍",
                        "Great service at the {city} store, thanks!",
                        "Fast delivery, well packed."),
                Mood.NEUTRAL, List.of(
                        "Does the {product} come with a charger?",
                        "Any deals on the {product} this week?",
                        "Is the {city} store open on Sunday?"),
                Mood.NEGATIVE, List.of(
                        "Still waiting for my refund... not impressed",
                        "My {product} broke after a week 😠",
                        "Worst \"customer service\" ever.\nThree calls, no answer.")));
        POSTS.put(Country.Language.FRENCH, Map.of(
                Mood.POSITIVE, List.of(
                        "Super accueil au magasin de {city}, merci !",
                        "Très contente de mon {product} 😊"),
                Mood.NEUTRAL, List.of(
                        "Le {product} est-il compatible avec mon ordinateur ?",
                        "Vous avez le {product} en stock à {city} ?"),
                Mood.NEGATIVE, List.of(
                        "Commande jamais reçue, service client injoignable 😡",
                        "{product} en panne après une semaine, « garantie » mon œil.")));
        POSTS.put(Country.Language.SPANISH, Map.of(
                Mood.POSITIVE, List.of(
                        "¡Me encanta mi {product}! 😍",
                        "Muy buena atención en la tienda de {city}."),
                Mood.NEUTRAL, List.of(
                        "¿Tenéis el {product} en stock?",
                        "¿A qué hora abre la tienda de {city}?"),
                Mood.NEGATIVE, List.of(
                        "Llevo dos semanas esperando mi pedido, fatal.",
                        "El {product} dejó de funcionar, \"calidad\" alemana...")));
    }

    private Texts() {
    }

    static String subject(Country.Language language, Rng rng, String product, String order, String city) {
        String template = rng.pick(SUBJECTS.get(language));
        for (int tries = 0; order.isEmpty() && template.contains("{order}") && tries < 20; tries++) {
            template = rng.pick(SUBJECTS.get(language));
        }
        return fill(template, product, order, city);
    }

    static String post(Country.Language language, Mood mood, Rng rng, String product, String city) {
        return fill(rng.pick(POSTS.get(language).get(mood)), product, "", city);
    }

    private static String fill(String template, String product, String order, String city) {
        if (template.indexOf('{') < 0) {
            return template;
        }
        return template.replace("{product}", product).replace("{order}", order).replace("{city}", city);
    }
}
