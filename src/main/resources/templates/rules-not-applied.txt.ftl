<#-- The analysts' notice that a change to rules/ or config/ was kept out (model: version, problems). -->
The change to the rules or configuration could not be used, so the service keeps running on the previous version.

Problems (FILE:LINE):
<#list problems as p>
  ${p}
</#list>

Correct the files (perfalert rules check shows the same list); the service picks up the fix by itself.
