package dev.mosaic.datagen;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * First and last names per country in rough order of frequency (so Müller, Schmidt and Thomas are common and
 * namesakes happen by themselves), and the nicknames people go by.
 */
final class Names {

    private record Table(Weighted<String> female, Weighted<String> male, Weighted<String> last) {
    }

    private static final Map<Country, Table> TABLES = new EnumMap<>(Country.class);

    private static final String GERMAN_LAST = "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz "
            + "Hoffmann Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger "
            + "Hofmann Hartmann Lange Schmitt Werner Schmitz Krause Meier Lehmann Schmid Schulze Maier Köhler "
            + "Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung Hahn Schubert "
            + "Vogel Friedrich Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht "
            + "Schuster Simon Ludwig Böhm Winter Kraus Martin Schumacher Krämer Vogt Stein Jäger Otto Sommer Groß "
            + "Seidel Heinrich Brandt Haas Schreiber Graf Schulte Dietrich Ziegler Kuhn Kühn Pohl Engel Horn Busch "
            + "Bergmann Thomas Voigt Sauer Arnold Wolff Pfeiffer Yılmaz Kaya Nowak Demir Şahin Kowalski Çelik "
            + "Öztürk Wójcik Rossi Papadopoulos Nguyen";
    private static final String GERMAN_FEMALE = "Anna Maria Julia Laura Lena Katharina Sarah Lisa Sophie Hannah "
            + "Lea Jana Sabine Petra Claudia Susanne Andrea Stefanie Nicole Sandra Birgit Monika Ursula Renate "
            + "Karin Gabriele Christina Franziska Johanna Elisabeth Charlotte Emilia Mia Marie Anne-Marie "
            + "Käthe Jördis Brigitte Jessica Melanie Kerstin Heike Anke Silke Daniela Tanja Martina Vanessa Annika "
            + "Jennifer Ayşe Elif Fatma Katarzyna";
    private static final String GERMAN_MALE = "Thomas Michael Andreas Stefan Alexander Christian Markus Martin "
            + "Peter Frank Jürgen Klaus Wolfgang Hans Uwe Bernd Dieter Jörg Ralf Matthias Tobias Johannes Sebastian "
            + "Florian Daniel Maximilian Lukas Jonas Felix Leon Paul Niklas Jan Tim Björn Sören Günter Horst "
            + "Manfred Heinz Karl-Heinz Hans-Peter Robert Benjamin Patrick Dennis Mehmet Emre Piotr Nico";
    private static final String AUSTRIAN_LAST = "Gruber Huber Bauer Wagner Müller Pichler Steiner Moser Mayer "
            + "Hofer Leitner Berger Fuchs Eder Fischer Schmid Winkler Weber Schwarz Maier Schneider Reiter Mayr "
            + "Schmidt Wimmer Egger Brunner Lang Baumgartner Auer Binder Lechner Wolf Wallner Aigner Ebner Koller "
            + "Lehner Haas Schuster Pöschl Grünwald Hödl Kölbl";
    private static final String AUSTRIAN_FEMALE = "Anna Sophie Julia Katharina Lena Sarah Theresa Magdalena "
            + "Elisabeth Johanna Maria Laura Hannah Lea Christina Barbara Eva Verena Birgit Sabine Andrea Ingrid";
    private static final String AUSTRIAN_MALE = "Lukas Florian Maximilian David Tobias Stefan Andreas Michael "
            + "Christoph Matthias Thomas Alexander Johannes Markus Daniel Wolfgang Josef Franz Georg Jakob Sebastian";
    private static final String SWISS_LAST = "Müller Meier Schmid Keller Weber Huber Schneider Meyer Steiner "
            + "Fischer Gerber Brunner Baumann Frei Zimmermann Moser Widmer Wyss Graf Roth Bachmann Kälin Bühler "
            + "Zürcher Favre Rochat Perrin Bianchi Lüthi Schär";
    private static final String SWISS_FEMALE = "Mia Lea Laura Nadine Sandra Corinne Andrea Ursula Anna Sara "
            + "Emma Julia Claudia Monika Daniela Nicole Chantal Céline Mélanie Jasmin";
    private static final String SWISS_MALE = "Luca Noah Jonas Reto Urs Beat Daniel Marco Thomas Peter Martin "
            + "Christian Andreas Stefan Simon Lukas David Fabian Raphael Jean-Luc";
    private static final String BRITISH_LAST = "Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas "
            + "Johnson Roberts Robinson Thompson Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke "
            + "Patel Jackson Wood Turner Martin Cooper Hill Ward Morris Moore Clark Lee King Baker Harrison Morgan "
            + "Allen O'Brien O'Connor McDonald Khan";
    private static final String BRITISH_FEMALE = "Elizabeth Margaret Catherine Sarah Emily Olivia Charlotte "
            + "Jessica Rebecca Victoria Jennifer Sophie Amelia Isla Grace Hannah Lucy Emma Rachel Helen Susan";
    private static final String BRITISH_MALE = "William Robert James John Thomas Richard Michael David Daniel "
            + "Oliver Harry Jack George Edward Christopher Matthew Andrew Joseph Samuel Benjamin Patrick Jonathan";
    private static final String FRENCH_LAST = "Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau "
            + "Laurent Simon Michel Lefèvre Leroy Roux David Bertrand Morel Fournier Girard Bonnet Dupont Lambert "
            + "Fontaine Rousseau Vincent Müller Lefebvre Faure André Mercier Blanc Guérin Boyer Garnier Chevalier "
            + "François Legrand Gauthier Garcia Perrin Robin Clément Morin Nicolas Henry Roussel Mathieu Gautier "
            + "Masson";
    private static final String FRENCH_FEMALE = "Marie Camille Léa Chloé Manon Inès Zoé Élodie Émilie Hélène "
            + "Cécile Mélanie Amélie Océane Anaïs Nathalie Isabelle Sophie Catherine Françoise Margaux";
    private static final String FRENCH_MALE = "Jean Pierre Louis François Nicolas Julien Théo Hugo Mathéo Jérôme "
            + "Stéphane Frédéric Sébastien Benoît Gaël Thomas Antoine Philippe Michel Alexandre Jean-Pierre";
    private static final String SPANISH_LAST = "García Rodríguez González Fernández López Martínez Sánchez Pérez "
            + "Gómez Martín Jiménez Ruiz Hernández Díaz Moreno Muñoz Álvarez Romero Alonso Gutiérrez Navarro "
            + "Torres Domínguez Vázquez Ramos Gil Ramírez Serrano Blanco Molina Morales Suárez Ortega Delgado "
            + "Castro Ortiz Rubio Marín Sanz Núñez Iglesias Medina";
    private static final String SPANISH_FEMALE = "María Carmen Ana Isabel Laura Cristina Marta Lucía Elena Sofía "
            + "Paula Raquel Nuria Begoña Inés Pilar Dolores Rocío María_José Ainhoa";
    private static final String SPANISH_MALE = "José Antonio Manuel Francisco David Javier Daniel Carlos Jesús "
            + "Alejandro Miguel Rafael Pablo Sergio Álvaro Adrián Íñigo José_Luis Juan_Carlos Jorge";

    static {
        TABLES.put(Country.DE, table(GERMAN_FEMALE, GERMAN_MALE, GERMAN_LAST));
        TABLES.put(Country.AT, table(AUSTRIAN_FEMALE, AUSTRIAN_MALE, AUSTRIAN_LAST));
        TABLES.put(Country.CH, table(SWISS_FEMALE, SWISS_MALE, SWISS_LAST));
        TABLES.put(Country.GB, table(BRITISH_FEMALE, BRITISH_MALE, BRITISH_LAST));
        TABLES.put(Country.FR, table(FRENCH_FEMALE, FRENCH_MALE, FRENCH_LAST));
        TABLES.put(Country.ES, table(SPANISH_FEMALE, SPANISH_MALE, SPANISH_LAST));
    }

    /** Nicknames and short forms; the first is the most usual. Looked up only, never iterated. */
    private static final Map<String, List<String>> NICKNAMES = Map.ofEntries(
            Map.entry("Johannes", List.of("Hannes", "Jo")),
            Map.entry("Johanna", List.of("Hanna", "Jo")),
            Map.entry("Katharina", List.of("Kathi", "Katja", "Kati")),
            Map.entry("Catherine", List.of("Kate", "Cathy")),
            Map.entry("William", List.of("Bill", "Will", "Billy")),
            Map.entry("Robert", List.of("Bob", "Rob", "Robbie")),
            Map.entry("Alexander", List.of("Alex", "Sascha")),
            Map.entry("Alexandre", List.of("Alex")),
            Map.entry("Elizabeth", List.of("Liz", "Beth", "Lizzie")),
            Map.entry("Elisabeth", List.of("Lisa", "Sissi", "Liesl")),
            Map.entry("Margaret", List.of("Maggie", "Peggy", "Meg")),
            Map.entry("Michael", List.of("Micha", "Michi", "Mike")),
            Map.entry("Christopher", List.of("Chris")),
            Map.entry("Christian", List.of("Chris")),
            Map.entry("Christina", List.of("Tina", "Chrissi")),
            Map.entry("Thomas", List.of("Tom", "Tommy")),
            Map.entry("Richard", List.of("Rick", "Richie")),
            Map.entry("James", List.of("Jim", "Jamie")),
            Map.entry("Daniel", List.of("Dani", "Dan")),
            Map.entry("Daniela", List.of("Dani")),
            Map.entry("Stefanie", List.of("Steffi")),
            Map.entry("Susanne", List.of("Susi", "Sanne")),
            Map.entry("Andreas", List.of("Andi")),
            Map.entry("Matthias", List.of("Matze", "Hias")),
            Map.entry("Matthew", List.of("Matt")),
            Map.entry("Maximilian", List.of("Max", "Maxi")),
            Map.entry("Tobias", List.of("Tobi")),
            Map.entry("Benjamin", List.of("Ben", "Benny")),
            Map.entry("Jennifer", List.of("Jenny")),
            Map.entry("Rebecca", List.of("Becky")),
            Map.entry("Victoria", List.of("Vicky", "Tori")),
            Map.entry("Franziska", List.of("Franzi")),
            Map.entry("José", List.of("Pepe")),
            Map.entry("Francisco", List.of("Paco", "Curro")),
            Map.entry("Manuel", List.of("Manolo", "Manu")),
            Map.entry("Dolores", List.of("Lola")),
            Map.entry("Antonio", List.of("Toni", "Toño")),
            Map.entry("Nicolas", List.of("Nico")),
            Map.entry("Magdalena", List.of("Lena", "Leni")),
            Map.entry("Wolfgang", List.of("Wolfi")),
            Map.entry("Florian", List.of("Flo")),
            Map.entry("Sebastian", List.of("Basti", "Seb")),
            Map.entry("Patrick", List.of("Paddy", "Pat")),
            Map.entry("Edward", List.of("Ed", "Ted", "Eddie")),
            Map.entry("Jonathan", List.of("Jon", "Johnny")),
            Map.entry("Samuel", List.of("Sam")),
            Map.entry("Joseph", List.of("Joe")),
            Map.entry("Josef", List.of("Sepp", "Joschi")),
            Map.entry("Franz", List.of("Franzl")),
            Map.entry("Andrew", List.of("Andy")),
            Map.entry("Charlotte", List.of("Lotte", "Charlie")),
            Map.entry("Gabriele", List.of("Gabi")),
            Map.entry("Ursula", List.of("Uschi", "Ulla")),
            Map.entry("Dieter", List.of("Didi")),
            Map.entry("Karl-Heinz", List.of("Kalle")),
            Map.entry("Hans-Peter", List.of("HP")),
            Map.entry("Frédéric", List.of("Fred")),
            Map.entry("Stéphane", List.of("Steph")),
            Map.entry("Jean-Pierre", List.of("JP")),
            Map.entry("María José", List.of("Marijose", "Majo")),
            Map.entry("José Luis", List.of("Pepelu")),
            Map.entry("Juan Carlos", List.of("Juanca")),
            Map.entry("Jesús", List.of("Chuy", "Chus")),
            Map.entry("Isabel", List.of("Isa", "Chabela")),
            Map.entry("Cristina", List.of("Cris")),
            Map.entry("Lukas", List.of("Luki")),
            Map.entry("Jürgen", List.of("Jogi")),
            Map.entry("Bernd", List.of("Bernie")),
            Map.entry("Raphael", List.of("Raffi")),
            Map.entry("Marco", List.of("Marc")),
            Map.entry("Emilia", List.of("Emmi")),
            Map.entry("Sarah", List.of("Sari")),
            Map.entry("Jessica", List.of("Jessi", "Jess")));

    private Names() {
    }

    private static Table table(String female, String male, String last) {
        return new Table(Weighted.byRank(words(female), 0.7), Weighted.byRank(words(male), 0.7),
                Weighted.byRank(words(last), 0.9));
    }

    /** Space separated; an underscore stands for a space inside a name ("María José"). */
    private static List<String> words(String names) {
        return java.util.Arrays.stream(names.split(" ")).map(name -> name.replace('_', ' ')).toList();
    }

    static String firstName(Country country, boolean female, Rng rng) {
        Table table = TABLES.get(country);
        return (female ? table.female() : table.male()).pick(rng);
    }

    /** A family name; Spanish people carry two ("García López"). */
    static String lastName(Country country, Rng rng) {
        String last = TABLES.get(country).last().pick(rng);
        if (country == Country.ES) {
            String second = TABLES.get(country).last().pick(rng);
            return second.equals(last) ? last : last + " " + second;
        }
        return last;
    }

    /** A nickname or short form, or {@code null} when the name has none. */
    static String nickname(String firstName, Rng rng) {
        List<String> nicknames = NICKNAMES.get(firstName);
        if (nicknames == null) {
            return null;
        }
        return rng.chance(0.6) ? nicknames.get(0) : rng.pick(nicknames);
    }

    /** All short forms of the name, empty when it has none. */
    static List<String> nicknames(String firstName) {
        return NICKNAMES.getOrDefault(firstName, List.of());
    }

    static boolean hasNickname(String firstName) {
        return NICKNAMES.containsKey(firstName);
    }
}
