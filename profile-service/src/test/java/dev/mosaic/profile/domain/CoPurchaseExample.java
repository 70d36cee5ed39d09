package dev.mosaic.profile.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mosaic.identity.domain.SourceRecord;

/**
 * Twelve customers whose co-purchase statistics are worked out by hand, for the unit test of the formulas and the
 * test of the aggregations on a real Elasticsearch node. Dates are of 2024.
 * <pre>
 *   c1  printers 01-01, ink 02-01               printers -> ink
 *   c2  printers 01-01, ink 03-01               printers -> ink
 *   c3  printers 01-01, ink 01-15, paper 02-01  printers -> ink, printers -> paper, ink -> paper
 *   c4  printers 01-01                          (the new printer buyer)
 *   c5  ink 01-01, printers 02-01               ink -> printers (the other way round)
 *   c6  laptops and printers in one order 01-01 (nothing after anything)
 *   c7  laptops 01-01, mouse 02-01              laptops -> mouse
 *   c8  laptops 01-01, mouse 03-01              laptops -> mouse
 *   c9  laptops 01-01, mouse 04-01              laptops -> mouse
 *   c10 coffee 01-01
 *   c11 no purchase                             (not a customer of the statistics)
 *   c12 printers 01-01, ink 02-01 returned      (ink returned: not bought, never offered)
 *
 *   N = 11 (c1-c10, c12)
 *   n(printers) = 7 (c1-c6, c12)   n(ink) = 4 (c1, c2, c3, c5)   n(laptops) = 4 (c6-c9)   n(mouse) = 3
 *   n(paper) = 1   n(coffee) = 1
 *   n(printers -> ink) = 3   n(laptops -> mouse) = 3   n(printers -> paper) = n(ink -> paper) = n(ink -> printers) = 1
 *
 *   printers -> ink:  support 3/11 = 0.2727, confidence 3/7 = 0.4286, lift (3/7) / (4/11) = 33/28 = 1.1786
 *   laptops -> mouse: support 3/11 = 0.2727, confidence 3/4 = 0.75,   lift (3/4) / (3/11) = 33/12 = 2.75
 * </pre>
 */
public final class CoPurchaseExample {

    private CoPurchaseExample() {
    }

    /** Each customer's records, by customer name (c1 .. c12). */
    public static Map<String, List<SourceRecord>> customers() {
        Map<String, List<SourceRecord>> customers = new LinkedHashMap<>();
        customers.put("c1", List.of(line("c1", 1, "01-01", "printers", false), line("c1", 2, "02-01", "ink", false)));
        customers.put("c2", List.of(line("c2", 1, "01-01", "printers", false), line("c2", 2, "03-01", "ink", false)));
        customers.put("c3", List.of(line("c3", 1, "01-01", "printers", false), line("c3", 2, "01-15", "ink", false),
                line("c3", 3, "02-01", "paper", false)));
        customers.put("c4", List.of(line("c4", 1, "01-01", "printers", false)));
        customers.put("c5", List.of(line("c5", 1, "01-01", "ink", false), line("c5", 2, "02-01", "printers", false)));
        customers.put("c6", List.of(line("c6", 1, "01-01", "laptops", false), line("c6", 2, "01-01", "printers", false)));
        customers.put("c7", List.of(line("c7", 1, "01-01", "laptops", false), line("c7", 2, "02-01", "mouse", false)));
        customers.put("c8", List.of(line("c8", 1, "01-01", "laptops", false), line("c8", 2, "03-01", "mouse", false)));
        customers.put("c9", List.of(line("c9", 1, "01-01", "laptops", false), line("c9", 2, "04-01", "mouse", false)));
        customers.put("c10", List.of(line("c10", 1, "01-01", "coffee", false)));
        customers.put("c11", List.of(Records.customer("crm/c11", "2024-01-01T10:00:00Z", "Cora", "Elf", "c11@example.de")));
        customers.put("c12", List.of(line("c12", 1, "01-01", "printers", false), line("c12", 2, "02-01", "ink", true)));
        return customers;
    }

    private static SourceRecord line(String customer, int line, String day, String category, boolean returned) {
        return Records.purchase("pos/" + customer + "-" + line, "2024-" + day + "T10:00:00Z",
                customer + "-" + day, "store", "BER-01", category, 1, "10.00", returned);
    }
}
