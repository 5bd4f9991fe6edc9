<#-- The plain-text part of a lead's exception email (same model as alert-email.html.ftlh). -->
Dear ${leadName},

perfalert found ${count} performance exception<#if count != 1>s</#if> for ${month} in your area of responsibility, most important first.
<#list groups as group>

== ${group.title} ==
<#list group.items as item>

<#if item.status == "withdrawn">WITHDRAWN: ${item.headline}
  (a revision of the data means this no longer holds; please disregard the earlier email)
<#else>${item.severity?upper_case}: ${item.headline}<#if item.status == "continuing"> (continuing)</#if>
</#if>
  rule: ${item.rule}
<#list item.evidence as row>
  ${row.key}: ${row.value}
</#list>
  alert ${item.alertId}; acknowledge with: perfalert ack ${item.alertId} --by "your name"
</#list>
</#list>
<#if heldBack gt 0>

${heldBack} more exception<#if heldBack != 1>s</#if> of lower importance will be in the weekly digest.
</#if>

-- 
Sent by perfalert. Continuing exceptions, improvements and low-severity findings are collected in the weekly digest.
