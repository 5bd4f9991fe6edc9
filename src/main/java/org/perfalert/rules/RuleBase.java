package org.perfalert.rules;

import org.kie.api.KieBase;

import java.util.List;

/** A compiled rule folder: the Drools knowledge base, its settings and the rule ids it holds. */
public record RuleBase(KieBase kieBase, RuleSettings settings, List<String> ruleIds) { }
