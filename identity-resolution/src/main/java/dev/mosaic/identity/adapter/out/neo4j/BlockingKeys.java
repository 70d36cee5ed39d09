package dev.mosaic.identity.adapter.out.neo4j;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mosaic.identity.domain.matching.BlockingRule;

/**
 * How the graph finds a record by the key of a blocking rule. The rules whose key is exactly an identifier's value
 * (email, loyalty id) need nothing of their own: their key is the value of an {@code (:Identifier)} the record already
 * points to, and the identifier's degree says how large the block is. The other rules' keys are kept as indexed
 * {@code bk_*} properties on the record; phone and social handle are among them because their keys are looser than
 * the identifier (the national number across country codes, the handle on any platform). Every index on
 * {@code :Record} is paid for by every record stored, and the two retired ones duplicated the identifier index.
 */
final class BlockingKeys {

    /** Rule name to the {@code Identifier.type} whose value is that rule's key. */
    private static final Map<String, String> BY_IDENTIFIER = Map.of(
            "email", "email", "loyalty_id", "loyalty_id");

    private BlockingKeys() {
    }

    static boolean isIdentifierRule(BlockingRule rule) {
        return BY_IDENTIFIER.containsKey(rule.name());
    }

    /** The {@code Identifier.type} holding the key of an identifier rule. */
    static String identifierType(BlockingRule rule) {
        return BY_IDENTIFIER.get(rule.name());
    }

    /** The rules whose keys are stored as indexed properties on the record. */
    static List<BlockingRule> propertyRules() {
        return BlockingRule.candidateRules().stream().filter(rule -> !isIdentifierRule(rule)).toList();
    }

    static List<BlockingRule> identifierRules() {
        return BlockingRule.candidateRules().stream().filter(BlockingKeys::isIdentifierRule).toList();
    }

    static String property(BlockingRule rule) {
        return "bk_" + rule.name();
    }

    /** Properties (and their indexes) that earlier versions kept for the identifier rules. */
    static Set<String> retiredProperties() {
        return Set.of("bk_email", "bk_loyalty_id");
    }
}
