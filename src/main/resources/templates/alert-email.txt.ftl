<#-- The plain-text part of a lead's exception email (same model as alert-email.html.ftlh). -->
Dear ${leadName},

perfalert found ${count} performance exception<#if count != 1>s</#if> for ${month} in your area of responsibility, most important first.
<#list groups as group>

== ${group.title} ==
<#list group.items as item>

${item.number}. <#if item.status == "withdrawn">WITHDRAWN: ${item.headline}
  (a revision of the data means this no longer holds; please disregard the earlier email)
<#else>${item.severity?upper_case}: ${item.headline}<#if item.status == "continuing"> (continuing)</#if>
</#if>
<#if item.also?has_content>  ${item.also}
</#if>
  rule: ${item.rule}
<#list item.evidence as row>
  ${row.key}: ${row.value}
</#list>
<#if item.ackUrl?has_content>
  Acknowledge: ${item.ackUrl}
<#if item.holdUrl?has_content>
  Hold back for 4 weeks: ${item.holdUrl}
</#if>
  alert ${item.alertId}
<#else>
  alert ${item.alertId}; acknowledge with: perfalert ack ${item.alertId} --by "your name"
</#if>
</#list>
</#list>
<#if heldBack gt 0>

${heldBack} more exception<#if heldBack != 1>s</#if> of lower importance will be in the weekly digest.
</#if>
<#if replyTo?has_content>

To acknowledge by email, reply with "ack" on the first line (every item), or "ack 2 5: what is being done" (some);
the rest of that line, or the lines below it, is your comment.
</#if>

-- 
Sent by perfalert. Continuing exceptions, improvements and low-severity findings are collected in the weekly digest.
