package dev.mosaic.datagen;

import java.util.ArrayList;
import java.util.List;

/**
 * The countries people live in, with their share of the population, phone numbering, currency, cities, streets and
 * mail providers. Email domains all use the reserved {@code .example} top-level domain, so no generated address can
 * reach a real mailbox.
 */
enum Country {

    DE(0.70, "49", "0", 1, "EUR", Language.GERMAN,
            List.of("DE", "Germany", "Deutschland", "D", "de", "DEU"),
            List.of("151", "152", "157", "159", "160", "162", "163", "170", "171", "172", "173", "174", "175", "176",
                    "177", "178", "179"), 7,
            List.of(
                    City.of("Berlin", 37, "30", "10115 10117 10178 10243 10245 10405 10437 10551 10623 10777 10965 12043 12099 13347 14057"),
                    City.of("Hamburg", 19, "40", "20095 20249 20354 22041 22085 22301 22765 21073"),
                    City.of("München", 15, "89", "80331 80333 80469 80634 80797 81369 81541 81675 81925", "Muenchen", "Munich"),
                    City.of("Köln", 11, "221", "50667 50672 50733 50823 50935 51063 51103", "Koeln", "Cologne"),
                    City.of("Frankfurt am Main", 7.5, "69", "60311 60313 60318 60389 60486 60594 65929", "Frankfurt", "Frankfurt a.M."),
                    City.of("Stuttgart", 6.3, "711", "70173 70176 70190 70372 70469 70569"),
                    City.of("Düsseldorf", 6.2, "211", "40210 40213 40477 40545 40591", "Duesseldorf"),
                    City.of("Leipzig", 6, "341", "04103 04109 04155 04229 04277 04315"),
                    City.of("Dortmund", 5.9, "231", "44135 44137 44139 44225 44379"),
                    City.of("Essen", 5.8, "201", "45127 45128 45130 45138 45239"),
                    City.of("Bremen", 5.7, "421", "28195 28203 28209 28215 28359"),
                    City.of("Dresden", 5.6, "351", "01067 01069 01097 01099 01187 01307"),
                    City.of("Hannover", 5.4, "511", "30159 30161 30169 30175 30449 30625", "Hanover"),
                    City.of("Nürnberg", 5.2, "911", "90402 90403 90419 90429 90461 90491", "Nuernberg", "Nuremberg"),
                    City.of("Duisburg", 5, "203", "47051 47057 47166 47269"),
                    City.of("Bochum", 3.6, "234", "44787 44789 44801 44866"),
                    City.of("Bonn", 3.3, "228", "53111 53113 53115 53173 53227"),
                    City.of("Münster", 3.2, "251", "48143 48145 48149 48153 48167", "Muenster"),
                    City.of("Mannheim", 3.1, "621", "68159 68161 68165 68199"),
                    City.of("Karlsruhe", 3.1, "721", "76131 76133 76135 76185"),
                    City.of("Augsburg", 3, "821", "86150 86152 86157 86161"),
                    City.of("Wiesbaden", 2.8, "611", "65183 65185 65187 65195"),
                    City.of("Aachen", 2.5, "241", "52062 52064 52066 52074"),
                    City.of("Kiel", 2.5, "431", "24103 24105 24113 24143"),
                    City.of("Chemnitz", 2.4, "371", "09111 09112 09119 09130"),
                    City.of("Freiburg im Breisgau", 2.3, "761", "79098 79100 79102 79106", "Freiburg", "Freiburg i. Br."),
                    City.of("Lübeck", 2.2, "451", "23552 23554 23556 23562", "Luebeck"),
                    City.of("Erfurt", 2.1, "361", "99084 99085 99086 99096"),
                    City.of("Rostock", 2.1, "381", "18055 18057 18059 18106"),
                    City.of("Mainz", 2.2, "6131", "55116 55118 55122 55131"),
                    City.of("Saarbrücken", 1.8, "681", "66111 66113 66117 66121", "Saarbruecken"),
                    City.of("Potsdam", 1.8, "331", "14467 14469 14471 14482"),
                    City.of("Würzburg", 1.3, "931", "97070 97072 97074 97080", "Wuerzburg"),
                    City.of("Göttingen", 1.2, "551", "37073 37075 37077 37083", "Goettingen"),
                    City.of("Regensburg", 1.5, "941", "93047 93049 93053 93055"),
                    City.of("Görlitz", 0.6, "3581", "02826 02827 02828", "Goerlitz"),
                    City.of("Fürth", 1.3, "911", "90762 90763 90765", "Fuerth"),
                    City.of("Tübingen", 0.9, "7071", "72070 72072 72074", "Tuebingen"),
                    City.of("Lüneburg", 0.8, "4131", "21335 21337 21339", "Lueneburg"),
                    City.of("Bad Homburg vor der Höhe", 0.5, "6172", "61348 61350 61352", "Bad Homburg"),
                    City.of("Garmisch-Partenkirchen", 0.3, "8821", "82467", "Garmisch")),
            List.of("Hauptstraße", "Schulstraße", "Gartenstraße", "Bahnhofstraße", "Dorfstraße", "Bergstraße",
                    "Birkenweg", "Lindenstraße", "Kirchstraße", "Waldstraße", "Ringstraße", "Schillerstraße",
                    "Goethestraße", "Mühlenweg", "Am Markt", "Friedrich-Ebert-Straße", "Jahnstraße", "Rosenweg",
                    "Wiesenweg", "Königstraße", "Schloßstraße", "Mozartstraße", "Beethovenstraße", "Poststraße",
                    "Feldstraße", "Kastanienallee", "Am Sonnenhang", "Karl-Marx-Straße", "Blumenstraße",
                    "Uhlandstraße", "Weinbergweg", "Grüner Weg", "Marktplatz", "Lessingstraße", "Eichendorffstraße",
                    "Münchner Straße", "Kölner Straße", "Heinrich-Heine-Allee", "Talstraße", "Fliederweg"),
            List.of("gmx.example", "webmail.example", "tonline.example", "freemail.example", "posteo.example",
                    "gmail.example", "outlook.example", "icloud.example", "yahoo.example")),

    AT(0.08, "43", "0", 1, "EUR", Language.GERMAN,
            List.of("AT", "Austria", "Österreich", "A", "at", "AUT"),
            List.of("650", "660", "664", "676", "680", "681", "688", "699"), 7,
            List.of(
                    City.of("Wien", 20, "1", "1010 1020 1030 1050 1070 1090 1100 1120 1150 1190 1210 1220", "Vienna"),
                    City.of("Graz", 3, "316", "8010 8020 8036 8041"),
                    City.of("Linz", 2, "732", "4020 4030 4040"),
                    City.of("Salzburg", 1.6, "662", "5020 5023 5026"),
                    City.of("Innsbruck", 1.3, "512", "6020"),
                    City.of("Klagenfurt am Wörthersee", 1, "463", "9020", "Klagenfurt"),
                    City.of("Villach", 0.6, "4242", "9500"),
                    City.of("St. Pölten", 0.6, "2742", "3100", "Sankt Pölten", "St. Poelten"),
                    City.of("Wels", 0.6, "7242", "4600"),
                    City.of("Dornbirn", 0.5, "5572", "6850")),
            List.of("Hauptstraße", "Mariahilfer Straße", "Herrengasse", "Bahnhofstraße", "Kirchengasse",
                    "Schulgasse", "Landstraßer Hauptstraße", "Favoritenstraße", "Linzer Straße", "Wiener Straße",
                    "Lindengasse", "Neubaugasse", "Praterstraße", "Schönbrunner Straße", "Dorfplatz", "Annenstraße"),
            List.of("gmx.example", "aon.example", "chello.example", "a1mail.example", "gmail.example",
                    "outlook.example", "icloud.example")),

    CH(0.07, "41", "0", 1, "CHF", Language.GERMAN,
            List.of("CH", "Switzerland", "Schweiz", "Suisse", "ch", "CHE"),
            List.of("76", "77", "78", "79"), 7,
            List.of(
                    City.of("Zürich", 8, "44", "8001 8002 8003 8004 8005 8006 8032 8045 8050", "Zuerich", "Zurich"),
                    City.of("Genève", 4, "22", "1201 1202 1203 1204 1205 1206 1207 1208 1209", "Genf", "Geneva", "Geneve"),
                    City.of("Basel", 3.5, "61", "4051 4052 4053 4054 4055 4056 4057 4058"),
                    City.of("Bern", 3, "31", "3005 3007 3011 3012 3013"),
                    City.of("Lausanne", 2.8, "21", "1003 1004 1005 1007"),
                    City.of("Winterthur", 2, "52", "8400 8404 8406"),
                    City.of("Luzern", 1.8, "41", "6003 6004 6005", "Lucerne"),
                    City.of("St. Gallen", 1.5, "71", "9000 9008", "Sankt Gallen"),
                    City.of("Lugano", 1.2, "91", "6900"),
                    City.of("Biel/Bienne", 1, "32", "2502 2503", "Biel", "Bienne"),
                    City.of("Zug", 0.6, "41", "6300")),
            List.of("Bahnhofstrasse", "Hauptstrasse", "Dorfstrasse", "Seestrasse", "Kirchweg", "Schulstrasse",
                    "Industriestrasse", "Rue du Rhône", "Avenue de la Gare", "Birkenweg", "Zürcherstrasse",
                    "Bernstrasse", "Gartenstrasse", "Rosenweg", "Marktgasse", "Via Nassa"),
            List.of("bluewin.example", "gmx.example", "sunrise.example", "hispeed.example", "gmail.example",
                    "outlook.example", "icloud.example")),

    GB(0.06, "44", "0", 0, "GBP", Language.ENGLISH,
            List.of("GB", "UK", "United Kingdom", "England", "gb", "GBR"),
            List.of("7700", "7711", "7723", "7740", "7751", "7788", "7802", "7846", "7903", "7957"), 6,
            List.of(
                    City.of("London", 20, "20", "SW1A SE1 E1 N1 NW3 W2 EC1V SW11 E14 N16"),
                    City.of("Manchester", 4, "161", "M1 M4 M14 M20"),
                    City.of("Birmingham", 4, "121", "B1 B15 B29"),
                    City.of("Leeds", 3, "113", "LS1 LS6 LS8"),
                    City.of("Glasgow", 3, "141", "G1 G12 G41"),
                    City.of("Liverpool", 2.5, "151", "L1 L8 L17"),
                    City.of("Bristol", 2.3, "117", "BS1 BS6 BS8"),
                    City.of("Edinburgh", 2.5, "131", "EH1 EH3 EH10"),
                    City.of("Sheffield", 2.2, "114", "S1 S10 S11"),
                    City.of("Cardiff", 1.8, "29", "CF10 CF24"),
                    City.of("Newcastle upon Tyne", 1.5, "191", "NE1 NE2 NE6", "Newcastle"),
                    City.of("Brighton", 1.2, "1273", "BN1 BN2", "Brighton and Hove"),
                    City.of("Oxford", 0.8, "1865", "OX1 OX2 OX4"),
                    City.of("Cambridge", 0.7, "1223", "CB1 CB2 CB4")),
            List.of("High Street", "Station Road", "Church Lane", "Victoria Road", "Park Avenue", "Green Lane",
                    "Manor Road", "Church Street", "Mill Lane", "The Crescent", "Kings Road", "Queen's Road",
                    "London Road", "York Road", "Albert Street", "Windsor Close", "Orchard Way", "St John's Road",
                    "Elm Grove", "Highfield Road"),
            List.of("btinternet.example", "hotmail.example", "sky.example", "virginmedia.example", "gmail.example",
                    "outlook.example", "icloud.example", "yahoo.example")),

    FR(0.05, "33", "0", 1, "EUR", Language.FRENCH,
            List.of("FR", "France", "Frankreich", "F", "fr", "FRA"),
            List.of("6", "7"), 8,
            List.of(
                    City.of("Paris", 21, "1", "75001 75002 75003 75004 75005 75006 75007 75008 75009 75010 75011 75012 75013 75014 75015 75016 75017 75018 75019 75020"),
                    City.of("Marseille", 8.7, "4", "13001 13002 13004 13006 13008 13013", "Marseilles"),
                    City.of("Lyon", 5.2, "4", "69001 69002 69003 69006 69007 69008", "Lyons"),
                    City.of("Toulouse", 4.9, "5", "31000 31100 31200 31300 31400 31500"),
                    City.of("Nice", 3.4, "4", "06000 06100 06200 06300"),
                    City.of("Nantes", 3.2, "2", "44000 44100 44200 44300"),
                    City.of("Strasbourg", 2.9, "3", "67000 67100 67200", "Straßburg"),
                    City.of("Montpellier", 2.9, "4", "34000 34070 34080 34090"),
                    City.of("Bordeaux", 2.6, "5", "33000 33100 33200 33300 33800"),
                    City.of("Lille", 2.3, "3", "59000 59160 59260 59800"),
                    City.of("Rennes", 2.2, "2", "35000 35200 35700"),
                    City.of("Saint-Étienne", 1.7, "4", "42000 42100", "St-Etienne", "Saint-Etienne"),
                    City.of("Grenoble", 1.6, "4", "38000 38100"),
                    City.of("Orléans", 1.1, "2", "45000 45100", "Orleans"),
                    City.of("Besançon", 1.2, "3", "25000", "Besancon"),
                    City.of("Aix-en-Provence", 1.4, "4", "13090 13100", "Aix")),
            List.of("rue de la République", "avenue Victor Hugo", "rue Pasteur", "boulevard Saint-Michel",
                    "place de l'Église", "rue Jean Jaurès", "rue Nationale", "avenue des Champs-Élysées",
                    "rue du Général Leclerc", "rue de la Paix", "allée des Tilleuls", "chemin des Vignes",
                    "rue Voltaire", "rue Émile Zola", "impasse des Lilas", "quai de la Loire"),
            List.of("orange.example", "free.example", "laposte.example", "sfr.example", "wanadoo.example",
                    "gmail.example", "hotmail.example", "outlook.example")),

    ES(0.04, "34", "", 1, "EUR", Language.SPANISH,
            List.of("ES", "Spain", "España", "Spanien", "es", "ESP"),
            List.of("600", "610", "619", "620", "630", "644", "655", "666", "679", "680", "690", "699", "711", "722"), 6,
            List.of(
                    City.of("Madrid", 33, "91", "28001 28004 28010 28013 28015 28020 28028 28045"),
                    City.of("Barcelona", 16, "93", "08001 08002 08008 08012 08018 08025 08036"),
                    City.of("Valencia", 8, "96", "46001 46002 46010 46021", "València"),
                    City.of("Sevilla", 7, "954", "41001 41003 41010", "Seville"),
                    City.of("Zaragoza", 6.7, "976", "50001 50004 50008"),
                    City.of("Málaga", 5.8, "952", "29001 29004 29010", "Malaga"),
                    City.of("Bilbao", 3.5, "94", "48001 48005 48011"),
                    City.of("Palma", 4.2, "971", "07001 07003 07010", "Palma de Mallorca"),
                    City.of("Alicante", 3.4, "965", "03001 03002", "Alacant"),
                    City.of("Córdoba", 3.2, "957", "14001 14004", "Cordoba"),
                    City.of("Valladolid", 3, "983", "47001 47003"),
                    City.of("Vigo", 2.9, "986", "36201 36202"),
                    City.of("Gijón", 2.7, "985", "33201 33202", "Gijon"),
                    City.of("A Coruña", 2.4, "981", "15001 15003", "La Coruña", "Coruna")),
            List.of("Calle Mayor", "Calle Real", "Avenida de la Constitución", "Calle de Alcalá", "Plaza de España",
                    "Gran Vía", "Calle San Juan", "Paseo de la Castellana", "Calle de la Iglesia",
                    "Avenida de Andalucía", "Calle Nueva", "Calle del Sol", "Rambla de Catalunya", "Calle Sevilla",
                    "Calle de Cervantes", "Camino Real"),
            List.of("telefonica.example", "hotmail.example", "movistar.example", "ono.example", "gmail.example",
                    "yahoo.example", "outlook.example"));

    enum Language { GERMAN, ENGLISH, FRENCH, SPANISH }

    private static final Weighted<Country> BY_SHARE;

    static {
        List<Country> countries = List.of(values());
        double[] weights = new double[countries.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = countries.get(i).share;
        }
        BY_SHARE = Weighted.of(countries, weights);
    }

    private final double share;
    private final String callingCode;
    private final String trunkPrefix;
    private final int standardOffsetHours;
    private final String currency;
    private final Language language;
    private final List<String> spellings;
    private final List<String> mobilePrefixes;
    private final int mobileSubscriberDigits;
    private final List<City> cityList;
    private final Weighted<City> cities;
    private final List<String> streets;
    private final List<String> mailDomains;

    Country(double share, String callingCode, String trunkPrefix, int standardOffsetHours, String currency,
            Language language, List<String> spellings, List<String> mobilePrefixes, int mobileSubscriberDigits,
            List<City> cities, List<String> streets, List<String> mailDomains) {
        this.share = share;
        this.callingCode = callingCode;
        this.trunkPrefix = trunkPrefix;
        this.standardOffsetHours = standardOffsetHours;
        this.currency = currency;
        this.language = language;
        this.spellings = spellings;
        this.mobilePrefixes = mobilePrefixes;
        this.mobileSubscriberDigits = mobileSubscriberDigits;
        this.cityList = cities;
        double[] weights = new double[cities.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = cities.get(i).weight();
        }
        this.cities = Weighted.of(cities, weights);
        this.streets = streets;
        // the first domains are the national ones, used more often
        this.mailDomains = new ArrayList<>(mailDomains);
    }

    static Country pick(Rng rng) {
        return BY_SHARE.pick(rng);
    }

    City city(Rng rng) {
        return cities.pick(rng);
    }

    List<City> cities() {
        return cityList;
    }

    String street(Rng rng) {
        return rng.pick(streets);
    }

    String mailDomain(Rng rng) {
        // national providers first in the list: a rank weighting makes them the usual choice
        int index = Math.min(mailDomains.size() - 1, (int) (mailDomains.size() * Math.pow(rng.nextDouble(), 1.6)));
        return mailDomains.get(index);
    }

    String code() {
        return name();
    }

    /** How a record might write the country: mostly the ISO code, sometimes a name in some language. */
    String spelling(Rng rng) {
        return rng.pick(spellings);
    }

    String callingCode() {
        return callingCode;
    }

    String trunkPrefix() {
        return trunkPrefix;
    }

    int standardOffsetHours() {
        return standardOffsetHours;
    }

    String currency() {
        return currency;
    }

    Language language() {
        return language;
    }

    Phone mobile(Rng rng) {
        return new Phone(this, rng.pick(mobilePrefixes), rng.digits(mobileSubscriberDigits));
    }

    Phone landline(Rng rng, City city) {
        int nationalDigits = switch (this) {
            case DE -> rng.between(10, 11);
            case AT -> 10;
            case CH, FR, ES -> 9;
            case GB -> 10;
        };
        int subscriberDigits = Math.max(5, nationalDigits - city.areaCode().length());
        return new Phone(this, city.areaCode(), rng.digits(subscriberDigits));
    }
}
