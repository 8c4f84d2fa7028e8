-- Rathaus schema, version 6: the citizen's side of applications (issue 4) — drafts saved on every
-- step, submitted applications with their case record, and the transactional outbox for e-mail.
-- Needs V2 (rathaus_scope(), rathaus_municipality(), rathaus_subject()) and V3 (service versions,
-- reference counters). Row-level security follows V2's convention, extended for citizens: a
-- citizen's rows carry the subject of their eID identity and only that subject sees them.

-- A draft is pinned to the exact published version it was started on: a version published later
-- does not change what the citizen is filling in (the composite key also ties it to the service).
create table application_draft (
    id                 uuid          primary key,
    municipality_id    uuid          not null references municipality (id),
    definition_id      uuid          not null,
    version_id         uuid          not null,
    applicant_subject  varchar(255)  not null,
    answers            jsonb         not null default '{}'::jsonb,
    current_step       integer       not null default 0,
    created_at         timestamptz   not null default now(),
    updated_at         timestamptz   not null default now(),
    version            bigint        not null default 0,
    constraint application_draft_version_fk foreign key (version_id, definition_id)
        references service_version (id, definition_id),
    constraint application_draft_answers_ck check (jsonb_typeof(answers) = 'object'),
    constraint application_draft_step_ck check (current_step between 0 and 1000)
);

create index application_draft_applicant_idx on application_draft (applicant_subject, updated_at desc);

-- A submitted application: a frozen snapshot of the answers, the version they were given against
-- and the fee computed from that version's rule. The idempotency key (rendered into the review
-- form) makes a double click or a retried request find the first application instead of a second.
create table case_application (
    id                 uuid          primary key,
    reference_number   varchar(15)   not null,
    municipality_id    uuid          not null references municipality (id),
    definition_id      uuid          not null,
    version_id         uuid          not null,
    applicant_subject  varchar(255)  not null,
    answers            jsonb         not null,
    fee_cents          bigint        not null,
    submitted_at       timestamptz   not null,
    idempotency_key    varchar(64)   not null,
    constraint case_application_reference_uk unique (reference_number),
    constraint case_application_idempotency_uk unique (applicant_subject, idempotency_key),
    constraint case_application_version_fk foreign key (version_id, definition_id)
        references service_version (id, definition_id),
    constraint case_application_reference_ck check (reference_number ~ '^[A-Z]{3}-[0-9]{4}-[0-9]{6}$'),
    constraint case_application_fee_ck check (fee_cents >= 0),
    constraint case_application_key_ck check (idempotency_key ~ '^[A-Za-z0-9-]{16,64}$'),
    constraint case_application_answers_ck check (jsonb_typeof(answers) = 'object')
);

create index case_application_applicant_idx on case_application (applicant_subject, submitted_at desc);
create index case_application_municipality_idx on case_application (municipality_id, submitted_at desc);

-- The back office's handle on an application. Minimal for now (status SUBMITTED and the due date
-- from the version's processing deadline); the case lifecycle adds its states later. The
-- applicant's subject is copied here so row-level security needs no join.
create table case_record (
    id                 uuid          primary key,
    application_id     uuid          not null references case_application (id),
    municipality_id    uuid          not null references municipality (id),
    applicant_subject  varchar(255)  not null,
    status             varchar(20)   not null,
    due_date           date          not null,
    created_at         timestamptz   not null default now(),
    version            bigint        not null default 0,
    constraint case_record_application_uk unique (application_id),
    constraint case_record_status_ck check (status in ('SUBMITTED'))
);

create index case_record_municipality_idx on case_record (municipality_id, status, due_date);

-- Mail to send, written in the same transaction as what it reports: a committed application always
-- gets its notice (at least once), a rolled-back one never does. Carries no personal content —
-- the template key and parameters such as the reference number; the text is made when sending.
create table notification_outbox (
    id                 uuid          primary key,
    municipality_id    uuid          references municipality (id),
    recipient_subject  varchar(255),
    recipient_email    varchar(254)  not null,
    template_key       varchar(100)  not null,
    parameters         jsonb         not null default '{}'::jsonb,
    locale             varchar(5)    not null default 'de',
    created_at         timestamptz   not null default now(),
    attempts           integer       not null default 0,
    next_attempt_at    timestamptz,
    sent_at            timestamptz,
    last_error         varchar(1000),
    constraint notification_outbox_email_ck check (recipient_email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    constraint notification_outbox_attempts_ck check (attempts >= 0),
    constraint notification_outbox_parameters_ck check (jsonb_typeof(parameters) = 'object'),
    constraint notification_outbox_locale_ck check (locale in ('de', 'en'))
);

-- The sender's work list: only rows still waiting, oldest due first.
create index notification_outbox_due_idx on notification_outbox (next_attempt_at)
    where sent_at is null and next_attempt_at is not null;

-- Row-level security. Citizens: their own rows only (rathaus_subject()); staff: their municipality's;
-- the platform (and the outbox sender, which runs in the platform scope): everything.
alter table application_draft enable row level security;
alter table application_draft force row level security;
-- A draft is not yet addressed to the authority: staff do not read it, only its author and the platform.
create policy application_draft_citizen on application_draft
    using (rathaus_scope() = 'citizen' and applicant_subject = rathaus_subject())
    with check (rathaus_scope() = 'citizen' and applicant_subject = rathaus_subject());
create policy application_draft_platform on application_draft
    using (rathaus_scope() = 'platform')
    with check (rathaus_scope() = 'platform');

alter table case_application enable row level security;
alter table case_application force row level security;
create policy case_application_tenant on case_application
    using (rathaus_scope() = 'platform' or municipality_id = rathaus_municipality())
    with check (rathaus_scope() = 'platform' or municipality_id = rathaus_municipality());
create policy case_application_citizen on case_application
    using (rathaus_scope() = 'citizen' and applicant_subject = rathaus_subject())
    with check (rathaus_scope() = 'citizen' and applicant_subject = rathaus_subject());

alter table case_record enable row level security;
alter table case_record force row level security;
create policy case_record_tenant on case_record
    using (rathaus_scope() = 'platform' or municipality_id = rathaus_municipality())
    with check (rathaus_scope() = 'platform' or municipality_id = rathaus_municipality());
create policy case_record_citizen on case_record
    using (rathaus_scope() = 'citizen' and applicant_subject = rathaus_subject())
    with check (rathaus_scope() = 'citizen' and applicant_subject = rathaus_subject());

alter table notification_outbox enable row level security;
alter table notification_outbox force row level security;
create policy notification_outbox_tenant on notification_outbox
    using (rathaus_scope() = 'platform' or municipality_id = rathaus_municipality())
    with check (rathaus_scope() = 'platform' or municipality_id = rathaus_municipality());
-- A citizen's submission queues a notice to that citizen; citizens never read the outbox.
create policy notification_outbox_citizen_insert on notification_outbox for insert
    with check (rathaus_scope() = 'citizen' and recipient_subject = rathaus_subject());

-- Reference numbers are drawn inside the citizen's submitting transaction (V3 allowed only staff and
-- the platform). A counter row holds no personal data, only how many applications a year brought.
create policy application_reference_counter_citizen on application_reference_counter
    using (rathaus_scope() = 'citizen')
    with check (rathaus_scope() = 'citizen');

-- Drafts are discarded once submitted; applications, case records and sent mail stay (history).
grant select, insert, update, delete on application_draft to ${appRole};
grant select, insert on case_application to ${appRole};
grant select, insert, update on case_record to ${appRole};
grant select, insert, update on notification_outbox to ${appRole};
