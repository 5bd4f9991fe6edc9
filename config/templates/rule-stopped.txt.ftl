<#-- The analysts' notice that a rule was stopped for going over its budget (model: version, what, owed). -->
${what}

Evaluation is stopped: no month is evaluated and no alert is raised until the rules change. Nothing is lost: the
months owed an evaluation (${owed} now) wait in the store. Loading files and sending emails go on.

Correct the rule or take it out (perfalert rules test runs the scenarios); the service tries the new version on the
stored figures and, when it keeps within the budget (evaluate.budget.seconds, evaluate.budget.matches-per-series),
puts it in force and evaluates what is owed.
