<#-- The analysts' notice that a source of config/sources.yaml keeps failing (model: kind, name, where, failures,
     lastFailure, lastError, lastSuccess (empty when never), schedule). -->
The ${kind} source "${name}" (${where}) has failed ${failures} times in a row; its figures are not being loaded.

Last error (${lastFailure}): ${lastError}
<#if lastSuccess?has_content>Last good pull: ${lastSuccess}.<#else>It has not been pulled successfully yet.</#if>

perfalert tries again at the next scheduled time (${schedule}, Europe/London) and will not
email again until the source has worked once. To try now: perfalert pull --source ${name}
The sources are declared in config/sources.yaml (see docs/sources.md).
