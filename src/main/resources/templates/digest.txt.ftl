<#-- The weekly digest for the performance board (plain text). Same model as digest.html.ftlh. -->
<#assign c = d.counts>
PERFORMANCE DIGEST, WEEK ${d.week}
${d.period}
<#if d.dataMonths?has_content>Figures for ${d.dataMonths?last}<#if d.dataMonths?size gt 1> (and ${d.dataMonths?size - 1} earlier month<#if d.dataMonths?size gt 2>s</#if>)</#if><#else>No new figures this week</#if>

New, worse: ${c.newConcerns}   New, better: ${c.newImprovements}   New, no better direction: ${c.newNeutral}
Continuing: ${c.continuing}   Resolved: ${c.resolved}   Acknowledged: ${c.acknowledged}
${d.raised} exception<#if d.raised != 1>s</#if> hold this week<#if c.silenced gt 0> (${c.silenced} silenced)</#if><#if c.withdrawn gt 0>; ${c.withdrawn} withdrawn after a data revision</#if>. The week's signals and the ${d.worthALook?size} notable exception<#if d.worthALook?size != 1>s</#if> most worth a look are below; the rest are counted by theme and rule.
<#if d.backfilled gt 0>${d.backfilled} of them belong to backfilled months (more than ${d.maxAgeMonths} months before the latest data): stored and emailed to no one.
</#if><#if d.retired?has_content>${d.retired?size} exception<#if d.retired?size != 1>s</#if> closed because the measure was removed from the configuration.
</#if>
== Signals ==
<#list d.signals as it>
${it?counter}. [${it.direction?switch("concern", "worse", "improvement", "better", "no better direction")}, ${it.severity}] ${it.headline}
   Lead: ${it.lead}; ${it.status}<#if it.also?has_content>; also: ${it.also?join("; ")}</#if><#if it.ackBy?has_content>; acknowledged by ${it.ackBy}<#if it.ackComment?has_content>: "${it.ackComment}"</#if></#if>
<#else>
No signals this week.
</#list>

== Worth a look ==
<#list d.worthALook as it>
${it?counter}. [${it.direction?switch("concern", "worse", "improvement", "better", "no better direction")}, ${it.severity}] ${it.headline}
   Lead: ${it.lead}; ${it.status}<#if it.also?has_content>; also: ${it.also?join("; ")}</#if><#if it.ackBy?has_content>; acknowledged by ${it.ackBy}<#if it.ackComment?has_content>: "${it.ackComment}"</#if></#if>
<#else>
No notable exceptions this week.
</#list>
<#list d.themes as th>

== ${th.theme} ==
<#list th.top as it>
${it?counter}. [${it.direction?switch("concern", "worse", "improvement", "better", "no better direction")}, ${it.severity}] ${it.headline}
   Lead: ${it.lead}; ${it.status}<#if it.also?has_content>; also: ${it.also?join("; ")}</#if><#if it.ackBy?has_content>; acknowledged by ${it.ackBy}<#if it.ackComment?has_content>: "${it.ackComment}"</#if></#if>
<#else>
<#assign counted = d.others?filter(o -> o.theme == th.theme)>
<#if counted?has_content>Other exceptions: <#list counted as o>${o.rule?replace("-", " ")} ${o.count}<#sep>, </#sep></#list>.<#else>No other exceptions this week.</#if>
</#list>
<#if th.board?has_content>

Force measure | ${d.boardMonth} | 1, 2, 3 years ago | vs 1-yr avg | vs 3-yr avg | rolling 12 m | benchmark | rolling vs benchmark
<#list th.board as r>
${r.label} | ${r.current} | ${r.sameMonth?join(", ")} | ${r.vsYear.word} | ${r.vsThreeYears.word} | ${r.rolling} | ${r.benchmark}<#if r.benchmarkMonth?has_content> (${r.benchmarkMonth})</#if> | ${r.vsBenchmark.word}
</#list>
</#if>
</#list>

== Acknowledged this week ==
<#list d.acknowledged as k>
- ${k.by}, ${k.when} (${k.via}): ${k.what}<#if k.comment?has_content> -- "${k.comment}"</#if>
<#else>
Nobody acknowledged an exception this week.
</#list>

== Silenced ==
<#list d.silences as s>
- ${s.what} until ${s.until}: ${s.reason} (${s.by})<#if s.heldBack gt 0>; held back ${s.heldBack} this week</#if>
<#else>
Nothing is silenced.
</#list>

== Missing or late data ==
<#if d.late?has_content>No figure for ${d.boardMonth!}: <#list d.late as l>${l.label} (last ${l.lastMonth})<#sep>; </#sep></#list>.
</#if>
<#if d.noData?has_content>No data held for: ${d.noData?join(", ")}.
</#if>
<#if !d.late?has_content && !d.noData?has_content>Every measure has a figure for ${d.boardMonth!"the latest month"}.
</#if>

== Appendix ==
<#list d.appendix as ap>
${ap.theme} (${ap.lines?size} more):
<#list ap.bySeries as g>
  - ${g.series}: ${g.rules?join("; ")}
</#list>
</#list>
<#list [["resolved this week", d.resolved], ["withdrawn after a data revision", d.withdrawn], ["held back by a silence", d.silenced], ["of earlier months, processed this week", d.earlier], ["closed because the measure was removed from the configuration", d.retired]] as part>
<#if part[1]?has_content>
${part[1]?size} exception<#if part[1]?size != 1>s</#if> ${part[0]}.
</#if>
</#list>
<#if !d.appendix?has_content && !d.resolved?has_content && !d.withdrawn?has_content && !d.silenced?has_content && !d.earlier?has_content && !d.retired?has_content>
Nothing more this week.
</#if>

-- 
Sent by perfalert. Leads acknowledge an exception from its email (the link, or a reply starting "ack"), or with: perfalert ack ID --by "your name"
