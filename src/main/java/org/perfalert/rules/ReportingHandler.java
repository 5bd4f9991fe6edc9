package org.perfalert.rules;

import org.kie.api.runtime.rule.ConsequenceExceptionHandler;
import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.RuleRuntime;

/**
 * Keeps one failing rule action from stopping the evaluation: the failure is noted (rule, series,
 * message) and the engine goes on with the next match. Drools creates the handler by its class,
 * so the evaluation in progress on this thread is found through a thread-local (Raising).
 */
public final class ReportingHandler implements ConsequenceExceptionHandler {
    @Override
    public void handleException(Match match, RuleRuntime runtime, Exception error) {
        Object series = match.getObjects().stream().filter(o -> o instanceof Series).findFirst()
                .orElse(match.getObjects().isEmpty() ? "?" : match.getObjects().get(0));
        if (!Raising.inProgress()) throw new IllegalStateException("rule " + match.getRule().getName() + " failed", error);
        Raising.current().failed(match.getRule().getName(), series, error);
    }
}
