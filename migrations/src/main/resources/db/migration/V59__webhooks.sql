-- Rathaus schema, version 59 (issue 14): webhooks for a municipality's own systems.
--   * webhook_subscription: per municipality, a URL, the events it wants (comma list of
--     application.submitted, case.status-changed, payment.settled, message.received) and the
--     signing secret of the Standard Webhooks scheme (shown to the admin once; kept here because
--     every delivery is signed with it, readable only by the municipality's staff and the platform).
--   * webhook_delivery: one row per event and subscription, written in the transaction of the event
--     (a transactional outbox), sent by the portal's periodic sender (FOR UPDATE SKIP LOCKED, so
--     several nodes never send the same row at the same time), retried with exponential back-off,
--     then FAILED; the admin's delivery log (status, attempts, last response code) and "replay".
--     The payload holds ids, status values and reference numbers only, never answers or names.
--   * Push delivery for hand-off destinations: a subscription with a destination_id is that
--     destination's push channel; it gets only the submissions handed to that destination (event
--     submission.handed-off, the submission sealed as JWE), never the municipality's events, and
--     the municipality's events never go to it.

-- Tables with forced row-level security bind the schema owner too: act as the platform.
select set_config('rathaus.scope', 'platform', true);

create table webhook_subscription (
    id               uuid          primary key,
    municipality_id  uuid          not null references municipality (id),
    url              varchar(500)  not null,
    events           varchar(200)  not null,
    secret           varchar(100)  not null,
    active           boolean       not null default true,
    created_at       timestamptz   not null default now(),
    created_by       varchar(255)  not null,
    destination_id   uuid,
    unique (id, municipality_id),
    foreign key (destination_id, municipality_id) references handoff_destination (id, municipality_id)
);

create index webhook_subscription_municipality_idx on webhook_subscription (municipality_id)
    where active;

create table webhook_delivery (
    id               uuid          primary key,
    municipality_id  uuid          not null,
    subscription_id  uuid          not null,
    event_type       varchar(40)   not null,
    payload          text          not null,
    status           varchar(12)   not null default 'PENDING',
    created_at       timestamptz   not null,
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz,
    last_attempt_at  timestamptz,
    delivered_at     timestamptz,
    last_status      integer,
    last_error       varchar(500),
    constraint webhook_delivery_status_ck check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    foreign key (subscription_id, municipality_id) references webhook_subscription (id, municipality_id)
);

create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_log_idx on webhook_delivery (municipality_id, created_at desc);

do $$
declare
    t text;
begin
    foreach t in array array['webhook_subscription', 'webhook_delivery'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I using (rathaus_scope() = ''platform'' or (rathaus_scope() = ''staff'' and municipality_id = rathaus_municipality())) with check (rathaus_scope() = ''platform'' or (rathaus_scope() = ''staff'' and municipality_id = rathaus_municipality()))', t || '_tenant', t);
    end loop;
end;
$$;

grant select, insert, update on webhook_subscription to ${appRole};
grant select, insert, update on webhook_delivery to ${appRole};

-- Events happen in every scope (a citizen submits or writes, a clerk decides, the payment provider
-- notifies): one function queues an event in the caller's transaction, without letting a citizen
-- read any subscription (or its secret): for_destination null = the municipality's own systems
-- that want given_type; otherwise the push channel of that hand-off destination. Security definer,
-- acting as the platform for this one statement and giving the caller's scope back (as V51's
-- certificate_verification).
create function webhook_enqueue(for_municipality uuid, for_destination uuid, given_type text,
                                given_payload text, queued_at timestamptz)
    returns integer
    language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare
    caller_scope text := coalesce(current_setting('rathaus.scope', true), '');
    queued integer;
begin
    perform set_config('rathaus.scope', 'platform', true);
    insert into webhook_delivery (id, municipality_id, subscription_id, event_type, payload,
                                  created_at, next_attempt_at)
    select gen_random_uuid(), s.municipality_id, s.id, given_type, given_payload, queued_at, queued_at
      from webhook_subscription s
     where s.municipality_id = for_municipality
       and s.active
       and s.destination_id is not distinct from for_destination
       and (for_destination is not null or given_type = any (string_to_array(s.events, ',')));
    get diagnostics queued = row_count;
    perform set_config('rathaus.scope', caller_scope, true);
    return queued;
end;
$$;

revoke all on function webhook_enqueue(uuid, uuid, text, text, timestamptz) from public;
grant execute on function webhook_enqueue(uuid, uuid, text, text, timestamptz) to ${appRole};
