-- Rathaus schema, version 9: back-office case processing (issue 5) — the whole case lifecycle on
-- case_record, a timeline (case_event) the citizen sees in part, internal notes (case_note) the
-- citizen never sees, and the roster of staff who work cases (case_staff, for reassigning).
-- Row-level security follows V2's convention; citizens read their own case's citizen-visible events.

-- The full lifecycle of eu.rathaus.cases.domain.CaseStatus.
alter table case_record drop constraint case_record_status_ck;
alter table case_record add constraint case_record_status_ck check (status in
    ('SUBMITTED', 'IN_REVIEW', 'WAITING_FOR_CITIZEN', 'APPROVED', 'REJECTED', 'CLOSED', 'WITHDRAWN'));

-- What the inbox filters, sorts and searches by is copied onto the case row (from the frozen,
-- immutable application), so the inbox is one index range scan on one table even at a million
-- cases: no join on the hot path, keyset pagination on (municipality, sort key, id).
alter table case_record
    add column definition_id      uuid,
    add column reference_number   varchar(15),
    add column applicant_name     varchar(200),
    add column submitted_at       timestamptz,
    add column processing_days    integer,
    add column assignee_subject   varchar(255),
    add column assignee_name      varchar(200),
    add column waiting_since      timestamptz,
    add column paused_seconds     bigint        not null default 0,
    add column decided_at         timestamptz,
    add column decision_reasons   varchar(10000),
    add column changed_at         timestamptz,
    add column changed_by_name    varchar(200);

update case_record c
   set definition_id = a.definition_id,
       reference_number = a.reference_number,
       submitted_at = a.submitted_at,
       processing_days = v.processing_days,
       changed_at = a.submitted_at
  from case_application a
  join service_version v on v.id = a.version_id
 where a.id = c.application_id;

alter table case_record
    alter column definition_id set not null,
    alter column reference_number set not null,
    alter column submitted_at set not null,
    alter column processing_days set not null,
    add constraint case_record_paused_ck check (paused_seconds >= 0),
    add constraint case_record_days_ck check (processing_days between 0 and 3650),
    add constraint case_record_waiting_ck check ((status = 'WAITING_FOR_CITIZEN') = (waiting_since is not null));

-- Keyset pagination of the inbox: every sort order ends in id, so a page boundary is exact.
drop index case_record_municipality_idx;
create index case_record_inbox_due_idx on case_record (municipality_id, due_date, id);
create index case_record_inbox_submitted_idx on case_record (municipality_id, submitted_at, id);
create index case_record_inbox_status_due_idx on case_record (municipality_id, status, due_date, id);
create index case_record_inbox_status_submitted_idx on case_record (municipality_id, status, submitted_at, id);
create index case_record_inbox_assignee_idx on case_record (municipality_id, assignee_subject, due_date, id);
create index case_record_reference_idx on case_record (municipality_id, reference_number);
create index case_record_applicant_name_idx on case_record (municipality_id, lower(applicant_name) text_pattern_ops);
create index case_record_applicant_idx on case_record (applicant_subject);

-- The timeline: who did what when, from which status to which. Append-only. The citizen sees the
-- events marked citizen_visible (submitted, in review, information requested, decided…), never
-- who on the staff did it.
create table case_event (
    id                 uuid          primary key,
    seq                bigint        generated always as identity,
    case_id            uuid          not null references case_record (id),
    municipality_id    uuid          not null references municipality (id),
    occurred_at        timestamptz   not null,
    actor_subject      varchar(255)  not null,
    actor_name         varchar(200),
    kind               varchar(40)   not null,
    from_status        varchar(20),
    to_status          varchar(20),
    detail             varchar(10000),
    citizen_visible    boolean       not null default false
);

-- The timeline's order is the order of writing (seq), even for two events in one transaction.
create index case_event_case_idx on case_event (case_id, seq);

-- Internal notes: staff only, never shown to the citizen (no citizen policy at all).
create table case_note (
    id                 uuid          primary key,
    case_id            uuid          not null references case_record (id),
    municipality_id    uuid          not null references municipality (id),
    written_at         timestamptz   not null,
    author_subject     varchar(255)  not null,
    author_name        varchar(200),
    text               varchar(4000) not null,
    constraint case_note_text_ck check (length(btrim(text)) > 0)
);

create index case_note_case_idx on case_note (case_id, written_at, id);

-- Staff who have worked in the back office, per municipality: whom a case can be reassigned to.
-- Kept by the portal on each visit (name from the identity provider), so no Keycloak round trip.
create table case_staff (
    municipality_id    uuid          not null references municipality (id),
    subject            varchar(255)  not null,
    display_name       varchar(200)  not null,
    seen_at            timestamptz   not null,
    primary key (municipality_id, subject)
);

alter table case_event enable row level security;
alter table case_event force row level security;
create policy case_event_tenant on case_event
    using (rathaus_scope() = 'platform' or municipality_id = rathaus_municipality())
    with check (rathaus_scope() = 'platform' or municipality_id = rathaus_municipality());
-- Citizens read the visible events of their own cases, and write the events of their own actions
-- (withdrawal, reply); the case_record policy decides what "own" is.
create policy case_event_citizen_read on case_event for select
    using (rathaus_scope() = 'citizen' and citizen_visible
           and exists (select 1 from case_record r where r.id = case_id and r.applicant_subject = rathaus_subject()));
create policy case_event_citizen_insert on case_event for insert
    with check (rathaus_scope() = 'citizen' and actor_subject = rathaus_subject()
           and exists (select 1 from case_record r where r.id = case_id and r.applicant_subject = rathaus_subject()));

alter table case_note enable row level security;
alter table case_note force row level security;
create policy case_note_tenant on case_note
    using (rathaus_scope() = 'platform' or municipality_id = rathaus_municipality())
    with check (rathaus_scope() = 'platform' or municipality_id = rathaus_municipality());

alter table case_staff enable row level security;
alter table case_staff force row level security;
create policy case_staff_tenant on case_staff
    using (rathaus_scope() = 'platform' or municipality_id = rathaus_municipality())
    with check (rathaus_scope() = 'platform' or municipality_id = rathaus_municipality());

-- Timeline and notes are history: appended, never changed.
grant select, insert on case_event to ${appRole};
grant select, insert on case_note to ${appRole};
grant select, insert, update on case_staff to ${appRole};
