package org.perfalert.service;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfalert.service.ReloadDecision.Action;

import static org.assertj.core.api.Assertions.assertThat;

class ReloadDecisionTest {

    @ParameterizedTest(name = "running={0} lastChecked={1} candidate={2} -> build={3}")
    @CsvSource(nullValues = "null", value = {
            // running, last checked, candidate, worth building?
            "a, a, a, false",      // nothing changed
            "a, a, b, true",       // a new version
            "a, b, b, false",      // b was built last time (broken): not again
            "a, b, c, true",       // another new version after a broken one
            "a, b, a, false",      // back to the running version: nothing to build
            "a, null, b, true",    // first look after a failed attempt to tell the analysts
    })
    void buildsOnlyWhatHasNotBeenLookedAt(String running, String lastChecked, String candidate, boolean build) {
        assertThat(ReloadDecision.worthBuilding(running, lastChecked, candidate)).isEqualTo(build);
    }

    @ParameterizedTest(name = "sound={0} told={1} -> {2}")
    @CsvSource({
            "true,  false, SWAP",
            "true,  true,  SWAP",                   // a version once broken, then fixed identically? still swap when sound
            "false, false, KEEP_AND_TELL_ANALYSTS",
            "false, true,  KEEP",                   // once per broken version
    })
    void swapsOnlySoundVersionsAndTellsAnalystsOnce(boolean sound, boolean told, Action expected) {
        assertThat(ReloadDecision.afterBuilding(sound, told)).isEqualTo(expected);
    }
}
