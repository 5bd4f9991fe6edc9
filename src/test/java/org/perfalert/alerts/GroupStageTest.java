package org.perfalert.alerts;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfalert.config.Configuration;
import org.perfalert.config.People;
import org.perfalert.routing.Router;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfalert.alerts.AlertTestSupport.config;
import static org.perfalert.alerts.AlertTestSupport.exception;
import static org.perfalert.alerts.StageFixtures.MAR;
import static org.perfalert.model.Direction.CONCERN;
import static org.perfalert.model.Severity.HIGH;

/**
 * Stage 5: every item routed (burglary to Bea, robbery to Cris, Fenland also to Nora), the ones to email now gathered
 * into one email per lead, at most the limit per email.
 */
class GroupStageTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "{2}× {0} {1} {3} {4}, limit {5} -> [{6}], {7} routed, {8} to nobody")
    @CsvSource(nullValues = "-", value = {
            // metric, area, items, status, delivery, limit, people? -> emails (lead items+held), routed, nobody
            "burglary, Fenland,   1, new,       EMAIL_NOW,   10, true,  'Bea Burglary 1, Nora North 1',     2, 0",
            "burglary, Cambridge, 1, new,       EMAIL_NOW,   10, true,  'Bea Burglary 1',                   1, 0",
            "robbery,  Fenland,   1, new,       DIGEST_ONLY, 10, true,  -,                                  2, 0",
            "burglary, Fenland,   3, new,       EMAIL_NOW,    2, true,  'Bea Burglary 1, Nora North 1',     6, 0",  // one figure: one item
            "burglary, Fenland,   1, withdrawn, EMAIL_NOW,   10, true,  'Bea Burglary 1',                   1, 0",
            "burglary, Fenland,   1, new,       EMAIL_NOW,   10, false, -,                                  0, 1",
    })
    void groups(String metric, String area, int count, String status, Delivery delivery, int limit, boolean people,
                String emails, int routed, int nobody) throws Exception {
        Configuration cfg = config(dir, "");
        People who = people ? cfg.people() : People.none();
        GroupStage stage = new GroupStage(new Router(cfg.catalogue(), who), who, limit);
        List<PolicyStage.Decided> decided = new ArrayList<>();
        for (int i = 0; i < count; i++)
            decided.add(new PolicyStage.Decided(new AlertItem(i + 1, AlertStatus.parse(status),
                    exception("rule-" + i, metric, area, MAR, HIGH, CONCERN, 10 + i), null,
                    status.equals("withdrawn") ? Set.of("bea@example.org") : Set.of()), delivery));

        EmailPlan plan = stage.group(MAR, decided);

        List<String> got = plan.emails().stream().map(e -> e.lead().name() + " " + e.items().size()
                + (e.heldBack() > 0 ? "+" + e.heldBack() : "")).toList();
        assertThat(String.join(", ", got)).isEqualTo(emails == null ? "" : emails);
        assertThat(plan.routed()).hasSize(routed);
        assertThat(plan.nobody()).hasSize(nobody);
        assertThat(plan.exceptions()).isEqualTo(count);
        plan.emails().forEach(e -> assertThat(e.items()).isSortedAccordingTo(AlertItem.IMPORTANCE));
    }
}
