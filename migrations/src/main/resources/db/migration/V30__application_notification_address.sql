-- Where a case's notifications go: the address the citizen gave in the application's e-mail field
-- marked as notification address, or the address of her sign-in when the form has no such field.
-- Earlier applications keep null and fall back to the last address the outbox used for them.
alter table case_application
    add column notification_email varchar(254),
    add constraint case_application_notification_email_ck
        check (notification_email is null or notification_email ~ '^[^@[:space:]]+@[^@[:space:]]+$');
