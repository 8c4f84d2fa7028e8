-- Rathaus schema, version 25 (issue 17): the language the citizen used the portal in when they
-- submitted an application. The decision notice (PDF) and the mails about it follow it where the
-- portal has a translation (German, English); German for every application submitted before.
alter table case_application
    add column language varchar(2) not null default 'de',
    add constraint case_application_language check (language in ('de', 'en'));
