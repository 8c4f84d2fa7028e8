-- Rathaus schema, version 27 (issue 17): appointments (Terminvereinbarung).
--   * a municipality's locations (Bürgerbüro), their counters, weekly opening hours and closures,
--     and appointment types (what can be booked, for how many minutes, whether anonymously, and
--     optionally the catalogue service whose last step it is);
--   * appointments: a counter and a time range; two live appointments of one counter can never
--     overlap — an exclusion constraint decides, so of two parallel bookings exactly one commits;
--   * anonymous bookings start as HELD and hold only once the link in the mail is followed; an
--     expired hold is released by the next booking of that counter (appointment_release_expired).
-- Times are timestamptz; opening hours are wall-clock times of Europe/Berlin (the application
-- turns them into instants, so a DST change shifts nothing a citizen sees).

-- Tables with forced row-level security bind the schema owner too: act as the platform.
select set_config('rathaus.scope', 'platform', true);

-- btree_gist: equality on the counter inside a GiST exclusion constraint (trusted extension).
create extension if not exists btree_gist;

create table appointment_location (
    id               uuid          primary key,
    municipality_id  uuid          not null references municipality (id),
    name             varchar(200)  not null,
    address          varchar(300)  not null,
    created_at       timestamptz   not null default now(),
    constraint appointment_location_name_ck check (length(trim(name)) > 0),
    unique (id, municipality_id)
);

create table appointment_counter (
    id               uuid          primary key,
    municipality_id  uuid          not null,
    location_id      uuid          not null,
    name             varchar(100)  not null,
    active           boolean       not null default true,
    foreign key (location_id, municipality_id) references appointment_location (id, municipality_id),
    unique (id, municipality_id)
);

create table appointment_opening_hours (
    id               uuid          primary key,
    municipality_id  uuid          not null,
    location_id      uuid          not null,
    weekday          smallint      not null,
    opens            time          not null,
    closes           time          not null,
    foreign key (location_id, municipality_id) references appointment_location (id, municipality_id),
    constraint appointment_opening_hours_weekday_ck check (weekday between 1 and 7),
    constraint appointment_opening_hours_order_ck check (opens < closes)
);

create table appointment_closure (
    id               uuid          primary key,
    municipality_id  uuid          not null,
    location_id      uuid          not null,
    day              date          not null,
    reason           varchar(200)  not null,
    foreign key (location_id, municipality_id) references appointment_location (id, municipality_id),
    unique (location_id, day)
);

create table appointment_type (
    id                  uuid          primary key,
    municipality_id     uuid          not null,
    location_id         uuid          not null,
    name                varchar(200)  not null,
    minutes             integer       not null,
    anonymous_allowed   boolean       not null default false,
    -- The catalogue service whose last step this appointment is (e.g. picking up the document).
    definition_id       uuid,
    active              boolean       not null default true,
    foreign key (location_id, municipality_id) references appointment_location (id, municipality_id),
    constraint appointment_type_minutes_ck check (minutes between 5 and 240),
    unique (id, municipality_id)
);

create table appointment (
    id                 uuid          primary key,
    municipality_id    uuid          not null,
    type_id            uuid          not null,
    counter_id         uuid          not null,
    starts_at          timestamptz   not null,
    ends_at            timestamptz   not null,
    status             varchar(20)   not null,
    citizen_subject    varchar(255),
    email              varchar(254)  not null,
    case_id            uuid,
    -- SHA-256 (hex) of the secret in the confirm/cancel link; the secret itself is never stored.
    token_hash         char(64)      not null unique,
    hold_expires_at    timestamptz,
    created_at         timestamptz   not null default now(),
    confirmed_at       timestamptz,
    cancelled_at       timestamptz,
    no_show_at         timestamptz,
    reminder_sent_at   timestamptz,
    foreign key (type_id, municipality_id) references appointment_type (id, municipality_id),
    foreign key (counter_id, municipality_id) references appointment_counter (id, municipality_id),
    constraint appointment_status_ck check (status in ('HELD', 'BOOKED', 'CANCELLED', 'EXPIRED', 'NO_SHOW')),
    constraint appointment_range_ck check (starts_at < ends_at),
    constraint appointment_email_ck check (email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    constraint appointment_held_ck check ((status = 'HELD') = (hold_expires_at is not null and confirmed_at is null)),
    -- The one rule that keeps a counter from being booked twice, whatever the application does.
    constraint appointment_no_overlap exclude using gist
        (counter_id with =, tstzrange(starts_at, ends_at) with &&)
        where (status in ('HELD', 'BOOKED'))
);

create index appointment_day_idx on appointment (municipality_id, starts_at);
create index appointment_reminder_idx on appointment (starts_at)
    where status = 'BOOKED' and reminder_sent_at is null;
create index appointment_citizen_idx on appointment (citizen_subject) where citizen_subject is not null;

-- Row-level security. Locations, counters, hours, closures and types are public data (what anyone
-- may book), written by the municipality's staff (scope check as in V21) and the platform.
do $$
declare
    t text;
begin
    foreach t in array array['appointment_location', 'appointment_counter', 'appointment_opening_hours',
                             'appointment_closure', 'appointment_type'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy %I on %I for select using (true)', t || '_read', t);
        execute format('create policy %I on %I for insert with check (rathaus_scope() = ''platform'' or (rathaus_scope() = ''staff'' and municipality_id = rathaus_municipality()))', t || '_insert', t);
        execute format('create policy %I on %I for update using (rathaus_scope() = ''platform'' or (rathaus_scope() = ''staff'' and municipality_id = rathaus_municipality())) with check (rathaus_scope() = ''platform'' or (rathaus_scope() = ''staff'' and municipality_id = rathaus_municipality()))', t || '_update', t);
        execute format('create policy %I on %I for delete using (rathaus_scope() = ''platform'' or (rathaus_scope() = ''staff'' and municipality_id = rathaus_municipality()))', t || '_delete', t);
    end loop;
end;
$$;

-- Appointments carry a person's e-mail address: staff of the municipality and the platform (the
-- reminder job) read them; a citizen reads their own. Anonymous visitors and citizens may only add a
-- row (a visitor's as an unconfirmed hold); links in mails work through the functions below.
alter table appointment enable row level security;
alter table appointment force row level security;
create policy appointment_tenant on appointment
    using (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()))
    with check (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()));
create policy appointment_citizen on appointment
    using (rathaus_scope() = 'citizen' and citizen_subject = rathaus_subject())
    with check (rathaus_scope() = 'citizen' and citizen_subject = rathaus_subject());
create policy appointment_visitor_insert on appointment for insert
    with check (rathaus_scope() = 'public' and citizen_subject is null and status = 'HELD');

-- The functions below run as the schema owner (security definer), which forced row-level security
-- binds too: each switches to the platform scope for its one narrow statement and puts the
-- caller's scope back before it returns. (A SET clause on the function would do the same, but
-- PostgreSQL lets only superusers attach a custom setting to a function.)

-- Busy times of a location's counters, without any personal data: what the slot list needs.
create function appointment_busy(p_location uuid, p_from timestamptz, p_to timestamptz)
    returns table (counter_id uuid, starts_at timestamptz, ends_at timestamptz)
    language plpgsql stable security definer set search_path = public, pg_temp as $$
declare
    caller_scope text := coalesce(current_setting('rathaus.scope', true), '');
begin
    perform set_config('rathaus.scope', 'platform', true);
    return query
        select a.counter_id, a.starts_at, a.ends_at
          from appointment a join appointment_counter c on c.id = a.counter_id
         where c.location_id = p_location
           and a.starts_at < p_to and a.ends_at > p_from
           and (a.status = 'BOOKED' or (a.status = 'HELD' and a.hold_expires_at > now()));
    perform set_config('rathaus.scope', caller_scope, true);
end;
$$;

-- Frees a counter's unconfirmed holds whose time is up, so they stop blocking the constraint.
create function appointment_release_expired(p_counter uuid) returns integer
    language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare
    caller_scope text := coalesce(current_setting('rathaus.scope', true), '');
    released     integer;
begin
    perform set_config('rathaus.scope', 'platform', true);
    update appointment set status = 'EXPIRED', hold_expires_at = null
     where counter_id = p_counter and status = 'HELD' and hold_expires_at <= now();
    get diagnostics released = row_count;
    perform set_config('rathaus.scope', caller_scope, true);
    return released;
end;
$$;

-- The link in a mail: the appointment its secret names (status and times, no address).
create function appointment_by_token(p_token_hash text)
    returns table (id uuid, municipality_id uuid, type_id uuid, counter_id uuid, starts_at timestamptz,
                   ends_at timestamptz, status varchar, hold_expires_at timestamptz, case_id uuid)
    language plpgsql stable security definer set search_path = public, pg_temp as $$
declare
    caller_scope text := coalesce(current_setting('rathaus.scope', true), '');
begin
    perform set_config('rathaus.scope', 'platform', true);
    return query
        select a.id, a.municipality_id, a.type_id, a.counter_id, a.starts_at, a.ends_at, a.status,
               a.hold_expires_at, a.case_id
          from appointment a where a.token_hash = p_token_hash;
    perform set_config('rathaus.scope', caller_scope, true);
end;
$$;

-- Confirms a hold through its link; returns the appointment if it was confirmed now (its address:
-- the confirmation with the calendar file goes there).
create function appointment_confirm(p_token_hash text)
    returns table (id uuid, municipality_id uuid, email varchar)
    language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare
    caller_scope text := coalesce(current_setting('rathaus.scope', true), '');
begin
    perform set_config('rathaus.scope', 'platform', true);
    return query
        update appointment a set status = 'BOOKED', confirmed_at = now(), hold_expires_at = null
         where a.token_hash = p_token_hash and a.status = 'HELD' and a.hold_expires_at > now()
        returning a.id, a.municipality_id, a.email;
    perform set_config('rathaus.scope', caller_scope, true);
end;
$$;

-- Cancels a future appointment through its link; returns its id if it was cancelled now.
create function appointment_cancel(p_token_hash text) returns uuid
    language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare
    caller_scope text := coalesce(current_setting('rathaus.scope', true), '');
    cancelled    uuid;
begin
    perform set_config('rathaus.scope', 'platform', true);
    update appointment a set status = 'CANCELLED', cancelled_at = now(), hold_expires_at = null
     where a.token_hash = p_token_hash and a.status in ('HELD', 'BOOKED') and a.starts_at > now()
    returning a.id into cancelled;
    perform set_config('rathaus.scope', caller_scope, true);
    return cancelled;
end;
$$;

revoke all on function appointment_busy(uuid, timestamptz, timestamptz) from public;
revoke all on function appointment_release_expired(uuid) from public;
revoke all on function appointment_by_token(text) from public;
revoke all on function appointment_confirm(text) from public;
revoke all on function appointment_cancel(text) from public;
grant execute on function appointment_busy(uuid, timestamptz, timestamptz) to ${appRole};
grant execute on function appointment_release_expired(uuid) to ${appRole};
grant execute on function appointment_by_token(text) to ${appRole};
grant execute on function appointment_confirm(text) to ${appRole};
grant execute on function appointment_cancel(text) to ${appRole};

grant select, insert, update, delete on appointment_location, appointment_counter, appointment_opening_hours,
    appointment_closure, appointment_type to ${appRole};
grant select, insert, update on appointment to ${appRole};

-- A visitor's booking queues its own confirmation mail (citizens may already queue theirs, V6).
create policy notification_outbox_visitor_insert on notification_outbox for insert
    with check (rathaus_scope() = 'public' and recipient_subject is null
                and template_key like 'appointment.%');

-- Demo: Musterstadt's Bürgerbüro (V1 creates Musterstadt with this id in every database, as V19
-- does for its profile) with two counters, Monday to Friday hours and the pickup of an identity card.
insert into appointment_location (id, municipality_id, name, address) values
    ('5e1c0a27-0000-4000-8000-000000000001', '7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001',
     'Bürgerbüro', 'Rathausplatz 1, 91000 Musterstadt');
insert into appointment_counter (id, municipality_id, location_id, name) values
    ('5e1c0a27-0000-4000-8000-000000000011', '7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001', '5e1c0a27-0000-4000-8000-000000000001', 'Schalter 1'),
    ('5e1c0a27-0000-4000-8000-000000000012', '7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001', '5e1c0a27-0000-4000-8000-000000000001', 'Schalter 2');
insert into appointment_opening_hours (id, municipality_id, location_id, weekday, opens, closes)
select gen_random_uuid(), '7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001', '5e1c0a27-0000-4000-8000-000000000001', d, '08:00', '12:00'
  from generate_series(1, 5) d;
insert into appointment_opening_hours (id, municipality_id, location_id, weekday, opens, closes) values
    (gen_random_uuid(), '7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001', '5e1c0a27-0000-4000-8000-000000000001', 4, '14:00', '18:00');
insert into appointment_type (id, municipality_id, location_id, name, minutes, anonymous_allowed) values
    ('5e1c0a27-0000-4000-8000-000000000021', '7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001', '5e1c0a27-0000-4000-8000-000000000001',
     'Personalausweis abholen', 15, true);
