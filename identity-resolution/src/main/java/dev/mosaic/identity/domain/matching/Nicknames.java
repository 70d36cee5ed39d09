package dev.mosaic.identity.domain.matching;

import java.util.HashMap;
import java.util.Map;

/** Common English and German short forms of first names, in their folded spelling. */
final class Nicknames {

    private static final Map<String, String> FORMAL = new HashMap<>();

    static {
        formal("robert", "bob", "rob", "bobby", "robbie", "bert");
        formal("william", "bill", "will", "billy", "willy", "liam");
        formal("richard", "rick", "dick", "rich", "ricky");
        formal("james", "jim", "jimmy", "jamie");
        formal("john", "johnny", "jack");
        formal("joseph", "joe", "joey");
        formal("thomas", "tom", "tommy");
        formal("michael", "mike", "mick", "mikey");
        formal("christopher", "chris", "kit");
        formal("daniel", "dan", "danny");
        formal("matthew", "matt");
        formal("anthony", "tony");
        formal("andrew", "andy", "drew");
        formal("edward", "ed", "eddie", "ted", "ned");
        formal("benjamin", "ben", "benny");
        formal("samuel", "sam", "sammy");
        formal("alexander", "alex", "sascha", "sasha", "xander");
        formal("nicholas", "nick", "nicky");
        formal("charles", "charlie", "chuck");
        formal("david", "dave", "davey");
        formal("steven", "steve");
        formal("stephen", "steve");
        formal("jonathan", "jon");
        formal("timothy", "tim");
        formal("patrick", "pat", "paddy");
        formal("peter", "pete");
        formal("elizabeth", "liz", "beth", "lizzy", "betty", "eliza", "lisa", "elisabeth");
        formal("katherine", "kate", "kathy", "katie", "kat", "catherine", "kathrin", "katharina");
        formal("margaret", "maggie", "meg", "peggy", "greta", "margarete", "grete");
        formal("jennifer", "jen", "jenny");
        formal("rebecca", "becky", "becca");
        formal("susan", "sue", "susie", "susanne");
        formal("deborah", "debbie", "deb");
        formal("jessica", "jess", "jessie");
        formal("victoria", "vicky", "tori");
        formal("patricia", "patty", "trish", "tricia");
        formal("christine", "chris", "christina", "tina");
        formal("alexandra", "alex", "sandra", "sascha");
        formal("samantha", "sam");
        formal("johannes", "hans", "jo", "johann", "hannes");
        formal("josef", "sepp", "joseph", "jupp");
        formal("wolfgang", "wolf");
        formal("friedrich", "fritz");
        formal("heinrich", "heinz", "hinz");
        formal("ludwig", "lutz");
        formal("maximilian", "max");
        formal("konstantin", "konni", "constantin");
        formal("christian", "chris");
        formal("matthias", "matze", "mattias");
        formal("stefan", "steffen", "stephan");
        formal("andreas", "andi", "andy");
        formal("tobias", "tobi");
        formal("sebastian", "basti");
        formal("florian", "flo");
        formal("dominik", "dome");
        formal("gabriele", "gabi", "gaby");
        formal("barbara", "babsi", "barbel", "baerbel");
        formal("juliane", "jule", "julia");
        formal("franziska", "franzi");
        formal("stefanie", "steffi");
        formal("christiane", "christa");
        formal("magdalena", "lena", "magda");
        formal("susanna", "susi");
        formal("annette", "anne", "anna");
        formal("johanna", "hanna", "hanne");
    }

    private Nicknames() {
    }

    private static void formal(String name, String... shortForms) {
        for (String shortForm : shortForms) {
            FORMAL.putIfAbsent(shortForm, name);
        }
    }

    static boolean sameName(String a, String b) {
        String formalA = FORMAL.getOrDefault(a, a);
        String formalB = FORMAL.getOrDefault(b, b);
        return formalA.equals(formalB) || formalA.equals(b) || formalB.equals(a);
    }
}
