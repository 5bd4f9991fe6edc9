package org.perfalert.service;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.List;
import java.util.Map;

/**
 * perfalert's own health checks, beside Camel's route checks: the store answers (counted through the
 * outbox), and which rule version is in force. A broken rule change does not make the service unhealthy
 * (it runs on the previous version) but shows in the details.
 */
final class ServiceHealth {
    private ServiceHealth() { }

    /** DOWN when the store cannot be asked; the details say how many emails are pending, sent and failed. */
    static final class Outbox extends AbstractHealthCheck {
        private final Assembly parts;

        Outbox(Assembly parts) {
            super("perfalert", "outbox");
            this.parts = parts;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            try {
                Map<String, Integer> counts = parts.outboxCounts();
                builder.detail("emails.pending", counts.getOrDefault("pending", 0))
                        .detail("emails.sent", counts.getOrDefault("sent", 0))
                        .detail("emails.failed", counts.getOrDefault("failed", 0)).up();
            } catch (Exception e) {
                builder.message("the store does not answer: " + e.getMessage()).error(e).down();
            }
        }
    }

    /** Always UP once started; the details name the version in force and any broken change kept out. */
    static final class Rules extends AbstractHealthCheck {
        private final LiveRules<?> rules;

        Rules(LiveRules<?> rules) {
            super("perfalert", "rules");
            this.rules = rules;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            builder.detail("rules.version", rules.current().hash());
            List<String> problems = rules.lastProblems();
            if (!problems.isEmpty())
                builder.detail("rules.change.kept.out", problems.size() + " problem(s), first: " + problems.get(0));
            builder.up();
        }
    }
}
