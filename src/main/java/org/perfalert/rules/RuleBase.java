package org.perfalert.rules;

import org.kie.api.KieBase;

import java.util.List;
import java.util.Map;

/**
 * A compiled rule folder: the Drools knowledge base, its settings, the rule ids it holds and where each
 * rule is written (with the settings it depends on).
 */
public record RuleBase(KieBase kieBase, RuleSettings settings, List<String> ruleIds, Map<String, RuleSource> sources) {

    public RuleBase(KieBase kieBase, RuleSettings settings, List<String> ruleIds) { this(kieBase, settings, ruleIds, Map.of()); }

    /** The same rules with other settings (a scenario's pinned settings over the pack's). */
    public RuleBase withSettings(RuleSettings other) { return new RuleBase(kieBase, other, ruleIds, sources); }

    /** The settings a rule depends on (empty for a rule not known). */
    public List<String> settingsOf(String rule) {
        RuleSource s = sources.get(rule);
        return s == null ? List.of() : s.settings();
    }
}
