-- Rathaus schema, version 37 (issue 16): one revision number for everything the public pages show.
-- The portal answers conditional GETs of the catalogue and service pages with 304 and keeps rendered
-- pages in a response cache; both are keyed by this number. It is bumped by triggers on every table
-- those pages read, in the same transaction as the change, so every portal node sees a publish or
-- retirement made on any other node by the next request — no in-memory event has to reach it.
-- Not tenant-owned: a single platform-wide counter that says nothing but "something changed".

create table catalogue_revision (
    id          smallint     primary key default 1,
    revision    bigint       not null default 1,
    changed_at  timestamptz  not null default now(),
    constraint catalogue_revision_single_ck check (id = 1)
);
insert into catalogue_revision (id) values (1);

create function catalogue_revision_bump() returns trigger language plpgsql as $$
begin
    update catalogue_revision set revision = revision + 1, changed_at = clock_timestamp() where id = 1;
    return null;
end;
$$;

-- Per statement, not per row: a bulk change bumps once. Drafts (service_version) are not public;
-- publishing or retiring changes service_definition (current version, status).
create trigger catalogue_revision_definition after insert or update or delete on service_definition
    for each statement execute function catalogue_revision_bump();
create trigger catalogue_revision_municipality after insert or update or delete on municipality
    for each statement execute function catalogue_revision_bump();
-- What decides whether a municipality can take a service (MunicipalityReadiness) is public too.
create trigger catalogue_revision_letterhead after insert or update or delete on municipality_letterhead
    for each statement execute function catalogue_revision_bump();
create trigger catalogue_revision_profile after insert or update or delete on municipality_profile
    for each statement execute function catalogue_revision_bump();
create trigger catalogue_revision_text_block after insert or update or delete on decision_text_block
    for each statement execute function catalogue_revision_bump();

grant select, update on catalogue_revision to ${appRole};
