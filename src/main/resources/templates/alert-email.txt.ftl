<#-- The plain-text part of a lead's exception email (same model as alert-email.html.ftlh). -->
Dear ${leadName},

${count} exception<#if count != 1>s</#if> for ${month} in your area, most important first.
<#list items as item>

${item.number}. ${item.title} (<#if item.status == "withdrawn">withdrawn<#else>${item.tone}, ${item.severity}<#if item.status == "continuing">, continuing</#if></#if>)
<#if item.status == "withdrawn">
   WITHDRAWN: ${item.headline}
   (a revision of the data means this no longer holds; please disregard the earlier email)
<#else>
   ${item.headline}
<#if item.numbers?has_content>
   ${item.numbers}
</#if>
<#list item.also as a>
   Also: ${a}
</#list>
</#if>
<#if item.ackUrl?has_content>
   Acknowledge: ${item.ackUrl}
<#if item.holdUrl?has_content>
   Hold back for 4 weeks: ${item.holdUrl}
</#if>
<#elseif item.status != "withdrawn">
   Acknowledge with: perfalert ack ${item.alertId} --by "your name"
</#if>
</#list>
<#if heldBack gt 0>

${heldBack} more exception<#if heldBack != 1>s</#if> of lower importance will be in the weekly digest.
</#if>
<#if replyTo?has_content>

To acknowledge by email, reply with "ack" on the first line (every item), or "ack 2 5: what is being done" (some);
the rest of that line, or the lines below it, is your comment.
</#if>

Details for analysts:
<#list items as item>
  ${item.number}. ${item.rule}, alert ${item.alertId}<#if item.details?has_content>: ${item.details}</#if>
</#list>

-- 
Sent by perfalert. Continuing exceptions, improvements and low-severity findings are collected in the weekly digest.
