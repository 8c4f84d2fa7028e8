-- Issue 4, attachments in the application form: a citizen may remove a file from their draft.
-- The owner/tenant policies of V7 already decide whose rows a DELETE can reach; this restrictive
-- policy adds that a file linked to a submitted application is never deleted by the portal, so a
-- submitted application's documents stay exactly what the authority received.
create policy attachment_delete_unsubmitted on attachment as restrictive for delete
    using (application_id is null);

grant delete on attachment to ${appRole};
