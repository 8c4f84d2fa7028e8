-- Rathaus schema, version 1: municipalities (tenants) and the hash-chained audit log.
-- Runs as the schema owner role; the application role only gets the DML it needs (see the end).

create table municipality (
    id          uuid         primary key,
    slug        varchar(63)  not null,
    name        varchar(200) not null,
    ags         varchar(8)     not null,
    state       varchar(40)  not null,
    status      varchar(20)  not null default 'ACTIVE',
    created_at  timestamptz  not null default now(),
    version     bigint       not null default 0,
    constraint municipality_slug_uk unique (slug),
    constraint municipality_ags_uk unique (ags),
    constraint municipality_slug_ck check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    constraint municipality_ags_ck check (ags ~ '^[0-9]{8}$'),
    constraint municipality_status_ck check (status in ('ONBOARDING', 'ACTIVE', 'SUSPENDED'))
);

-- One chain per municipality plus one for the platform: the head row of a chain is the only thing
-- locked while an entry is appended, so writes of different municipalities never wait for each other.
create table audit_chain_head (
    chain      varchar(80) primary key,
    last_seq   bigint      not null,
    last_hash  varchar(64)    not null
);

create table audit_entry (
    id              bigint generated always as identity primary key,
    chain           varchar(80)  not null references audit_chain_head (chain),
    seq             bigint       not null,
    occurred_at     timestamptz  not null,
    actor           varchar(200) not null,
    action          varchar(100) not null,
    subject_type    varchar(60),
    subject_id      varchar(200),
    municipality_id uuid         references municipality (id),
    details         varchar(4000),
    prev_hash       varchar(64)  not null,
    hash            varchar(64)  not null,
    constraint audit_entry_chain_seq_uk unique (chain, seq)
);

create index audit_entry_municipality_idx on audit_entry (municipality_id, occurred_at);

-- Append-only: no role may change or remove an entry through normal SQL. Tampering therefore needs
-- a superuser disabling the trigger, and the hash chain is what detects it.
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only (% refused)', tg_op;
end;
$$;

create trigger audit_entry_no_update_delete
    before update or delete on audit_entry
    for each row execute function audit_entry_append_only();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_append_only();

-- Demo tenants; real ones are onboarded through the portal.
insert into municipality (id, slug, name, ags, state, status) values
    ('7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001', 'musterstadt',  'Musterstadt',  '09199001', 'Bayern',            'ACTIVE'),
    ('7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0002', 'beispielheim', 'Beispielheim', '08199002', 'Baden-Württemberg', 'ACTIVE');

-- The application role reads and writes rows; it never owns tables, so it cannot disable
-- row-level security or triggers.
grant select, insert, update on municipality to ${appRole};
grant select, insert, update on audit_chain_head to ${appRole};
grant select, insert on audit_entry to ${appRole};
