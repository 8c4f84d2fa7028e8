<#ftl output_format="plainText">
<#-- Plain-text part of the invitation; the link stands on a line of its own. -->
<#assign organization = "">
<#if user.organizations?has_content><#assign organization = user.organizations?first.name></#if>
${msg("rathausInviteGreeting", user.firstName!"", user.lastName!"")}

<#if organization?has_content>${msg("rathausInviteWelcome", organization)}<#else>${msg("rathausInviteWelcomeNoOrganization")}</#if>

${msg("rathausInviteFirstStep")}

${link}

${msg("rathausInviteValidity", linkExpirationFormatter(linkExpiration))}

${msg("rathausInviteLaterTitle")}:
${msg("rathausInviteLater", user.email!"")}

${msg("rathausInviteIgnore")}

${msg("rathausInviteSignature")}
