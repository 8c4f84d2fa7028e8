-- Rathaus schema, version 45 (issue 13): the resident register (Melderegister) of a municipality,
-- the built-in adapter of the ResidentRegister port (a municipality without a register of its own).
--   * resident: a person registered in the municipality — names, birth date and place,
--     nationality, and the eID pseudonym the person signs in with (the preferred user name the eID
--     broker gives, "eid.<stable subject>"), set when the register links a record to an eID
--     identity; null for everyone who never used the portal.
--   * resident_address: current and past addresses (street, house number, postcode, town,
--     moving-in and moving-out date) as main or secondary residence; the history is never
--     overwritten, a move ends one row and starts another.
--   * resident_household: links between the members of one household (spouse, partner, child,
--     parent, other), one row per direction.
--   * resident_block: blocking notes — Auskunftssperre (§ 51 BMG) and bedingter Sperrvermerk
--     (§ 52 BMG); a resident with a blocking note gets no certificate without a clerk.
-- Every read through the portal is audited by the application (who read whose record, why).

select set_config('rathaus.scope', 'platform', true);

create table resident (
    id               uuid          primary key,
    municipality_id  uuid          not null references municipality (id),
    family_name      varchar(200)  not null,
    given_names      varchar(200)  not null,
    birth_name       varchar(200),
    birth_date       date          not null,
    birth_place      varchar(200),
    nationality      varchar(100)  not null default 'deutsch',
    eid_pseudonym    varchar(255),
    created_at       timestamptz   not null default now(),
    search_text      text generated always as (lower(given_names || ' ' || family_name)) stored,
    constraint resident_names_ck check (length(trim(family_name)) > 0 and length(trim(given_names)) > 0),
    unique (id, municipality_id),
    unique (municipality_id, eid_pseudonym)
);

create index resident_name_idx on resident (municipality_id, family_name, given_names);

create table resident_address (
    id               uuid          primary key,
    municipality_id  uuid          not null,
    resident_id      uuid          not null,
    street           varchar(200)  not null,
    house_number     varchar(20)   not null,
    postcode         varchar(5)    not null,
    town             varchar(200)  not null,
    moved_in         date          not null,
    moved_out        date,
    residence        varchar(10)   not null default 'MAIN',
    foreign key (resident_id, municipality_id) references resident (id, municipality_id),
    constraint resident_address_postcode_ck check (postcode ~ '^[0-9]{5}$'),
    constraint resident_address_residence_ck check (residence in ('MAIN', 'SECONDARY')),
    constraint resident_address_dates_ck check (moved_out is null or moved_out >= moved_in)
);

create index resident_address_resident_idx on resident_address (resident_id, moved_in desc);
-- One current main residence per person.
create unique index resident_address_one_main_idx on resident_address (resident_id)
    where moved_out is null and residence = 'MAIN';

create table resident_household (
    municipality_id  uuid          not null,
    resident_id      uuid          not null,
    member_id        uuid          not null,
    relation         varchar(10)   not null,
    primary key (resident_id, member_id),
    foreign key (resident_id, municipality_id) references resident (id, municipality_id),
    foreign key (member_id, municipality_id) references resident (id, municipality_id),
    constraint resident_household_relation_ck
        check (relation in ('SPOUSE', 'PARTNER', 'CHILD', 'PARENT', 'OTHER')),
    constraint resident_household_self_ck check (resident_id <> member_id)
);

create table resident_block (
    id               uuid          primary key,
    municipality_id  uuid          not null,
    resident_id      uuid          not null,
    kind             varchar(20)   not null,
    reason           varchar(500)  not null,
    since            date          not null,
    until            date,
    foreign key (resident_id, municipality_id) references resident (id, municipality_id),
    constraint resident_block_kind_ck check (kind in ('AUSKUNFTSSPERRE', 'SPERRVERMERK'))
);

create index resident_block_resident_idx on resident_block (resident_id);

-- The eID pseudonym of the citizen acting in this transaction: the register's adapter sets it
-- (rathaus.eid) before it reads a citizen's own record; empty otherwise.
create function rathaus_eid() returns text
    language sql stable
    as $$ select nullif(current_setting('rathaus.eid', true), '') $$;

-- Row-level security: the municipality's staff (as in V21) and the platform read and write; a
-- citizen reads only her own record (the one linked to the eID pseudonym of her transaction), its
-- addresses and blocking notes — never another person's, not even her household's.
do $$
declare
    t text;
begin
    foreach t in array array['resident', 'resident_address', 'resident_household', 'resident_block'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (rathaus_scope() = ''platform'' or (rathaus_scope() = ''staff'' and municipality_id = rathaus_municipality())) with check (rathaus_scope() = ''platform'' or (rathaus_scope() = ''staff'' and municipality_id = rathaus_municipality()))', t || '_tenant', t);
    end loop;
end;
$$;

create policy resident_citizen_own on resident for select
    using (rathaus_scope() = 'citizen' and rathaus_eid() is not null and eid_pseudonym = rathaus_eid());
create policy resident_address_citizen_own on resident_address for select
    using (rathaus_scope() = 'citizen' and rathaus_eid() is not null
           and exists (select 1 from resident r where r.id = resident_address.resident_id
                                                  and r.eid_pseudonym = rathaus_eid()));
create policy resident_block_citizen_own on resident_block for select
    using (rathaus_scope() = 'citizen' and rathaus_eid() is not null
           and exists (select 1 from resident r where r.id = resident_block.resident_id
                                                  and r.eid_pseudonym = rathaus_eid()));

grant select, insert, update on resident, resident_address, resident_household, resident_block to ${appRole};
grant execute on function rathaus_eid() to ${appRole};
