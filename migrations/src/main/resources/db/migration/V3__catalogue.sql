-- Rathaus schema, version 3: the service catalogue (shared templates, municipal service definitions,
-- immutable published versions) and the per-municipality counter behind application reference numbers.
-- Needs V2 (row-level security): rathaus_scope() and rathaus_municipality() are defined there.

-- Three capital letters per municipality start its reference numbers (MUS-2026-000123). Nullable
-- because onboarding does not ask for it yet; numbers can only be issued once it is set.
alter table municipality add column reference_code varchar(3);
alter table municipality add constraint municipality_reference_code_ck check (reference_code ~ '^[A-Z]{3}$');
alter table municipality add constraint municipality_reference_code_uk unique (reference_code);
update municipality set reference_code = 'MUS' where slug = 'musterstadt';
update municipality set reference_code = 'BSP' where slug = 'beispielheim';

-- Shared templates belong to the platform. The search vector serves the later catalogue search
-- (German stemming: "Hunde" finds "Hundesteuer" as "hund").
create table service_template (
    id              uuid          primary key,
    service_key     varchar(40)   not null,
    category        varchar(60)   not null,
    title_de        varchar(200)  not null,
    title_en        varchar(200),
    description_de  varchar(4000) not null,
    description_en  varchar(4000),
    form            jsonb         not null,
    created_at      timestamptz   not null default now(),
    version         bigint        not null default 0,
    search_vector   tsvector generated always as (
        setweight(to_tsvector('german', coalesce(title_de, '')), 'A')
        || setweight(to_tsvector('german', coalesce(description_de, '')), 'B')) stored,
    constraint service_template_key_uk unique (service_key),
    constraint service_template_key_ck check (service_key ~ '^[A-Za-z0-9._-]{1,40}$')
);

create index service_template_search_idx on service_template using gin (search_vector);

create table service_definition (
    id                  uuid          primary key,
    municipality_id     uuid          not null references municipality (id),
    template_id         uuid          references service_template (id),
    service_key         varchar(40)   not null,
    category            varchar(60)   not null,
    title_de            varchar(200)  not null,
    title_en            varchar(200),
    description_de      varchar(4000) not null,
    description_en      varchar(4000),
    status              varchar(20)   not null default 'ACTIVE',
    current_version_id  uuid,
    created_at          timestamptz   not null default now(),
    retired_at          timestamptz,
    version             bigint        not null default 0,
    search_vector       tsvector generated always as (
        setweight(to_tsvector('german', coalesce(title_de, '')), 'A')
        || setweight(to_tsvector('german', coalesce(description_de, '')), 'B')) stored,
    constraint service_definition_key_uk unique (municipality_id, service_key),
    -- Target of the composite key below: a version always belongs to its definition's municipality.
    constraint service_definition_id_municipality_uk unique (id, municipality_id),
    constraint service_definition_key_ck check (service_key ~ '^[A-Za-z0-9._-]{1,40}$'),
    constraint service_definition_status_ck check (status in ('ACTIVE', 'RETIRED')),
    constraint service_definition_retired_ck check ((status = 'RETIRED') = (retired_at is not null))
);

create index service_definition_search_idx on service_definition using gin (search_vector);
create index service_definition_municipality_idx on service_definition (municipality_id, status);

create table service_version (
    id               uuid         primary key,
    definition_id    uuid         not null,
    municipality_id  uuid         not null,
    version_number   integer      not null,
    status           varchar(20)  not null default 'DRAFT',
    form             jsonb        not null,
    fee_rule         jsonb        not null,
    required_loa     varchar(20)  not null,
    processing_days  integer      not null,
    created_at       timestamptz  not null default now(),
    published_at     timestamptz,
    version          bigint       not null default 0,
    constraint service_version_definition_fk foreign key (definition_id, municipality_id)
        references service_definition (id, municipality_id) deferrable initially deferred,
    constraint service_version_number_uk unique (definition_id, version_number),
    constraint service_version_id_definition_uk unique (id, definition_id),
    constraint service_version_number_ck check (version_number >= 1),
    constraint service_version_status_ck check (status in ('DRAFT', 'PUBLISHED')),
    constraint service_version_published_ck check ((status = 'PUBLISHED') = (published_at is not null)),
    constraint service_version_loa_ck check (required_loa in ('LOW', 'SUBSTANTIAL', 'HIGH')),
    constraint service_version_days_ck check (processing_days between 1 and 3650),
    constraint service_version_form_ck check (jsonb_typeof(form) = 'object'),
    constraint service_version_fee_ck check (jsonb_typeof(fee_rule) = 'object')
);

-- At most one open draft per service: two administrators edit the same draft, never two diverging ones.
create unique index service_version_one_draft_uk on service_version (definition_id) where status = 'DRAFT';
create index service_version_published_idx on service_version (definition_id, version_number) where status = 'PUBLISHED';

-- The current version is one of the definition's own versions (composite key), and a published one
-- (trigger below). Deferred: publishing changes both rows in one transaction, in either order.
alter table service_definition add constraint service_definition_current_fk
    foreign key (current_version_id, id) references service_version (id, definition_id)
    deferrable initially deferred;

-- A published version is history: drafts and applications are pinned to it, receipts quote it.
-- No role may change or delete it through SQL; a new version is drafted and published instead.
create function service_version_frozen() returns trigger language plpgsql as $$
begin
    if old.status = 'PUBLISHED' then
        raise exception 'service_version % is published and immutable (% refused)', old.id, tg_op
            using errcode = 'restrict_violation';
    end if;
    if tg_op = 'DELETE' then
        return old;
    end if;
    return new;
end;
$$;

create trigger service_version_frozen
    before update or delete on service_version
    for each row execute function service_version_frozen();

create function service_definition_current_published() returns trigger language plpgsql as $$
begin
    if new.current_version_id is not null and not exists (
            select 1 from service_version v
            where v.id = new.current_version_id and v.status = 'PUBLISHED') then
        raise exception 'service_definition %: current version % is not published', new.id, new.current_version_id
            using errcode = 'check_violation';
    end if;
    return null;
end;
$$;

create constraint trigger service_definition_current_published
    after insert or update of current_version_id on service_definition
    deferrable initially deferred
    for each row execute function service_definition_current_published();

-- One counter per municipality and year; "insert … on conflict do update … returning" hands out the
-- next number and locks only this row, so municipalities never wait for each other.
create table application_reference_counter (
    municipality_id  uuid     not null references municipality (id),
    year             integer  not null,
    last_value       bigint   not null,
    constraint application_reference_counter_pk primary key (municipality_id, year),
    constraint application_reference_counter_year_ck check (year between 2000 and 9999),
    constraint application_reference_counter_value_ck check (last_value between 1 and 999999)
);

-- Row-level security, convention of V2: the platform sees everything, a municipality its own rows.
alter table service_definition enable row level security;
alter table service_definition force row level security;
create policy service_definition_tenant on service_definition
    using (rathaus_scope() = 'platform' or municipality_id = rathaus_municipality())
    with check (rathaus_scope() = 'platform' or municipality_id = rathaus_municipality());
-- Anyone browsing the catalogue may read services that are offered.
create policy service_definition_public on service_definition for select
    using (rathaus_scope() in ('public', 'citizen') and status = 'ACTIVE' and current_version_id is not null);

alter table service_version enable row level security;
alter table service_version force row level security;
create policy service_version_tenant on service_version
    using (rathaus_scope() = 'platform' or municipality_id = rathaus_municipality())
    with check (rathaus_scope() = 'platform' or municipality_id = rathaus_municipality());
-- Published versions only, but also those of retired services or superseded ones: a citizen's draft
-- or application stays pinned to its version and must still be shown after the service is retired.
create policy service_version_public on service_version for select
    using (rathaus_scope() in ('public', 'citizen') and status = 'PUBLISHED');

alter table application_reference_counter enable row level security;
alter table application_reference_counter force row level security;
create policy application_reference_counter_tenant on application_reference_counter
    using (rathaus_scope() = 'platform' or municipality_id = rathaus_municipality())
    with check (rathaus_scope() = 'platform' or municipality_id = rathaus_municipality());
-- Templates are shared: everyone reads them, only the platform writes them.
alter table service_template enable row level security;
alter table service_template force row level security;
create policy service_template_read on service_template for select using (true);
create policy service_template_platform on service_template
    using (rathaus_scope() = 'platform')
    with check (rathaus_scope() = 'platform');

-- No DELETE on definitions and templates (history). Versions: only drafts can be discarded; the
-- trigger refuses deleting published ones.
grant select, insert, update on service_template to ${appRole};
grant select, insert, update on service_definition to ${appRole};
grant select, insert, update, delete on service_version to ${appRole};
grant select, insert, update on application_reference_counter to ${appRole};
