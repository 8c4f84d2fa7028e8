-- Rathaus schema, version 40 (issue 14): hand-off to a specialist procedure (Fachverfahren).
--   * handoff_destination: per service definition, where its applications go instead of (as well
--     as) the back office in Rathaus: the procedure's endpoint, its public encryption key (JWK,
--     RSA-OAEP-256) and its signature verification key (JWK), and the Keycloak client it pulls
--     with. No active row = "back office in Rathaus" (the default). Public keys only; the client secret is
--     shown to the admin once and never stored here.
--   * handoff_submission: one per application handed off, written in the submission's transaction
--     (a transactional outbox for the destination): the submission encrypted for the destination
--     as JWE (RSA-OAEP-256 / A256GCM) — the portal cannot read it back — and its delivery state:
--     PENDING (offered to the Subscriber API) → ACKNOWLEDGED or REJECTED (with the reason).
--   * handoff_event: each signed status event accepted from the destination, by its JWT id: the
--     same event twice (a replay) is refused by the unique key.

-- Tables with forced row-level security bind the schema owner too: act as the platform.
select set_config('rathaus.scope', 'platform', true);

create table handoff_destination (
    id               uuid          primary key,
    municipality_id  uuid          not null references municipality (id),
    definition_id    uuid          not null unique references service_definition (id),
    endpoint         varchar(500)  not null,
    encryption_key   text          not null,
    signature_key    text          not null,
    client_id        varchar(120)  not null unique,
    -- false = switched back to the back office; the row stays for the submissions made through it.
    active           boolean       not null default true,
    created_at       timestamptz   not null default now(),
    changed_at       timestamptz   not null default now(),
    changed_by       varchar(255)  not null,
    unique (id, municipality_id)
);

create table handoff_submission (
    id               uuid          primary key,
    municipality_id  uuid          not null,
    destination_id   uuid          not null,
    application_id   uuid          not null unique references case_application (id),
    case_id          uuid          references case_record (id),
    reference_number varchar(15)   not null,
    service_key      varchar(40)   not null,
    content          text          not null,
    status           varchar(20)   not null default 'PENDING',
    created_at       timestamptz   not null,
    fetch_count      integer       not null default 0,
    first_fetched_at timestamptz,
    acknowledged_at  timestamptz,
    rejected_at      timestamptz,
    reject_reason    varchar(1000),
    constraint handoff_submission_status_ck check (status in ('PENDING', 'ACKNOWLEDGED', 'REJECTED')),
    foreign key (destination_id, municipality_id) references handoff_destination (id, municipality_id),
    unique (id, municipality_id)
);

create index handoff_submission_pending_idx on handoff_submission (destination_id, created_at)
    where status = 'PENDING';

create table handoff_event (
    id               uuid          primary key,
    municipality_id  uuid          not null,
    destination_id   uuid          not null,
    submission_id    uuid          not null,
    jti              varchar(200)  not null,
    kind             varchar(20)   not null,
    issued_at        timestamptz   not null,
    received_at      timestamptz   not null default now(),
    constraint handoff_event_kind_ck check (kind in ('received', 'in-progress', 'decided')),
    foreign key (submission_id, municipality_id) references handoff_submission (id, municipality_id),
    unique (destination_id, jti)
);

-- Row-level security: the municipality's staff (the scope check of V21; the Subscriber API acts in
-- the staff scope of the destination's municipality) and the platform; citizens see the hand-off
-- only through their case's timeline.
do $$
declare
    t text;
begin
    foreach t in array array['handoff_destination', 'handoff_submission', 'handoff_event'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (rathaus_scope() = ''platform'' or (rathaus_scope() = ''staff'' and municipality_id = rathaus_municipality())) with check (rathaus_scope() = ''platform'' or (rathaus_scope() = ''staff'' and municipality_id = rathaus_municipality()))', t || '_tenant', t);
    end loop;
end;
$$;

-- The submission is sealed in the citizen's own transaction (the observer of the submission): she
-- reads which active destination a service has (endpoint and public keys, nothing secret; the
-- Keycloak client's secret is never stored) and inserts the sealed row for her own application —
-- and reads neither it nor any other hand-off row back.
create policy handoff_destination_route on handoff_destination for select
    using (active and rathaus_scope() = 'citizen');
create policy handoff_submission_citizen on handoff_submission for insert
    with check (rathaus_scope() = 'citizen' and exists (
        select 1 from case_application a
         where a.id = application_id and a.municipality_id = handoff_submission.municipality_id
           and a.applicant_subject = rathaus_subject()));

grant select, insert, update on handoff_destination to ${appRole};
grant select, insert, update on handoff_submission to ${appRole};
grant select, insert on handoff_event to ${appRole};
