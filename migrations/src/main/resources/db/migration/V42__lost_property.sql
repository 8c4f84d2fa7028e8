-- Rathaus schema, version 42 (issue 13): the lost-property office (Fundbüro).
--   * found_item: what a municipality's staff recorded as found — category (a fixed list, the same
--     as the "Fundsache / Verlust melden" form's), description, where and when it was found, where
--     it is kept, the deadline (found date + 6 months, § 973 BGB) and the status. No personal data:
--     while an item is FOUND anyone may read it (the public search page); every other status is
--     the municipality's business only.
--   * found_item_finder: the finder's name and contact, kept apart so that no public read can ever
--     reach them; the municipality's staff and the platform only (every staff read is audited by
--     the application).
--   * found_item_claim: the loss report (a case of the loss-report service) a clerk confirmed as
--     the owner's; one claim per item and per case.

-- Tables with forced row-level security bind the schema owner too: act as the platform.
select set_config('rathaus.scope', 'platform', true);

create table found_item (
    id               uuid          primary key,
    municipality_id  uuid          not null references municipality (id),
    category         varchar(20)   not null,
    description      varchar(2000) not null,
    found_place      varchar(200)  not null,
    found_on         date          not null,
    kept_at          varchar(200)  not null,
    -- § 973 BGB: six months after the finding is reported the finder (or, if the finder waived the
    -- right, the municipality, § 976) acquires the property.
    deadline         date          generated always as ((found_on + interval '6 months')::date) stored,
    -- Whether the finder wants the item once the deadline passed (otherwise the municipality).
    finder_keeps     boolean       not null default false,
    status           varchar(20)   not null default 'FOUND',
    recorded_by      varchar(255)  not null,
    created_at       timestamptz   not null default now(),
    status_changed_at timestamptz,
    search_vector    tsvector generated always as (
        setweight(to_tsvector('german', coalesce(description, '')), 'A')
        || setweight(to_tsvector('german', coalesce(found_place, '')), 'B')) stored,
    constraint found_item_category_ck
        check (category in ('wallet', 'phone', 'keys', 'bag', 'documents', 'bicycle', 'other')),
    constraint found_item_status_ck
        check (status in ('FOUND', 'CLAIMED', 'HANDED_OVER', 'TO_FINDER', 'TO_MUNICIPALITY')),
    constraint found_item_description_ck check (length(trim(description)) >= 3),
    constraint found_item_place_ck check (length(trim(found_place)) > 0),
    constraint found_item_kept_ck check (length(trim(kept_at)) > 0),
    unique (id, municipality_id)
);

create index found_item_public_idx on found_item (municipality_id, found_on desc) where status = 'FOUND';
create index found_item_search_idx on found_item using gin (search_vector);
create index found_item_deadline_idx on found_item (deadline) where status = 'FOUND';

create table found_item_finder (
    found_item_id    uuid          primary key,
    municipality_id  uuid          not null,
    name             varchar(200)  not null,
    contact          varchar(300),
    foreign key (found_item_id, municipality_id) references found_item (id, municipality_id)
);

create table found_item_claim (
    id               uuid          primary key,
    municipality_id  uuid          not null,
    found_item_id    uuid          not null unique,
    case_id          uuid          not null unique,
    confirmed_by     varchar(255)  not null,
    confirmed_at     timestamptz   not null default now(),
    foreign key (found_item_id, municipality_id) references found_item (id, municipality_id),
    foreign key (case_id) references case_record (id)
);

-- Row-level security: the municipality's staff (scope check as in V21) and the platform read and
-- write everything; anyone reads a found item while it is FOUND, never the finder or a claim.
do $$
declare
    t text;
begin
    foreach t in array array['found_item', 'found_item_finder', 'found_item_claim'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (rathaus_scope() = ''platform'' or (rathaus_scope() = ''staff'' and municipality_id = rathaus_municipality())) with check (rathaus_scope() = ''platform'' or (rathaus_scope() = ''staff'' and municipality_id = rathaus_municipality()))', t || '_tenant', t);
    end loop;
end;
$$;
create policy found_item_public on found_item for select using (status = 'FOUND');

grant select, insert, update on found_item, found_item_finder, found_item_claim to ${appRole};

-- Demo: a few found items in Musterstadt and Beispielheim (V1 creates both with these ids in every
-- database), found in the last weeks so their deadlines lie ahead.
insert into found_item (id, municipality_id, category, description, found_place, found_on, kept_at, finder_keeps, recorded_by) values
    ('f0d1e000-0000-4000-8000-000000000001', '7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001', 'keys',
     'Schlüsselbund mit drei Schlüsseln und rotem Anhänger', 'Bushaltestelle Marktplatz', current_date - 5,
     'Fundbüro im Rathaus, Zimmer 12', false, 'demo'),
    ('f0d1e000-0000-4000-8000-000000000002', '7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001', 'bag',
     'Blauer Rucksack mit Turnbeutel und Trinkflasche', 'Stadtpark, Spielplatz', current_date - 12,
     'Fundbüro im Rathaus, Zimmer 12', true, 'demo'),
    ('f0d1e000-0000-4000-8000-000000000003', '7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001', 'bicycle',
     'Schwarzes Damenfahrrad, 28 Zoll, mit Korb', 'Bahnhof Musterstadt, Fahrradständer', current_date - 30,
     'Bauhof, Halle 2', false, 'demo'),
    ('f0d1e000-0000-4000-8000-000000000004', '7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0002', 'phone',
     'Smartphone mit grüner Hülle, Display gesprungen', 'Freibad Beispielheim', current_date - 3,
     'Bürgerbüro Beispielheim', false, 'demo'),
    ('f0d1e000-0000-4000-8000-000000000005', '7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0002', 'documents',
     'Mappe mit Zeugniskopien (ohne Namen auf dem Umschlag)', 'Bibliothek, Lesesaal', current_date - 20,
     'Bürgerbüro Beispielheim', true, 'demo');
insert into found_item_finder (found_item_id, municipality_id, name, contact) values
    ('f0d1e000-0000-4000-8000-000000000001', '7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001', 'Demo-Finderin Anna Beispiel', 'anna.beispiel@example.org'),
    ('f0d1e000-0000-4000-8000-000000000002', '7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001', 'Demo-Finder Jonas Muster', '0911 000000'),
    ('f0d1e000-0000-4000-8000-000000000004', '7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0002', 'Demo-Finderin Lea Probe', 'lea.probe@example.org');
