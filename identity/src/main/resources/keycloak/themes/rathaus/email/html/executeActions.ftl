<#-- The invitation of a municipality's admin (execute-actions e-mail). Output is HTML-escaped; messages carry no markup. -->
<#import "template.ftl" as layout>
<#assign organization = "">
<#if user.organizations?has_content><#assign organization = user.organizations?first.name></#if>
<@layout.emailLayout>
<p>${msg("rathausInviteGreeting", user.firstName!"", user.lastName!"")}</p>
<#if organization?has_content>
<p>${msg("rathausInviteWelcome", organization)}</p>
<#else>
<p>${msg("rathausInviteWelcomeNoOrganization")}</p>
</#if>
<p>${msg("rathausInviteFirstStep")}</p>
<p><a href="${link}">${msg("rathausInviteLink")}</a></p>
<p>${msg("rathausInviteValidity", linkExpirationFormatter(linkExpiration))}</p>
<h2>${msg("rathausInviteLaterTitle")}</h2>
<p>${msg("rathausInviteLater", user.email!"")}</p>
<p>${msg("rathausInviteIgnore")}</p>
<p>${msg("rathausInviteSignature")}</p>
</@layout.emailLayout>
