-- Rathaus schema, version 43 (issue 15, "retention and erasure"): per-service retention settings,
-- a legal hold on cases, per-file data keys for crypto-shredding, the erasure log (statistics as
-- counts) and the one database scope the erasure engine works in.
--
-- The erasure engine (eu.rathaus.retention) runs without a caller, for every municipality, and
-- must reach rows that even the platform scope does not read (attachments, notices, the mailbox).
-- It sets its own scope 'retention' on its own transactions; the policies below open exactly the
-- tables it erases in to that scope, nothing more. Every erasure it makes is audited.

-- Per-service overrides of the platform defaults (eu.rathaus.retention.domain.RetentionDefaults);
-- null = the default. Months, so "6 months" and "3 years" are both exact.
create table retention_setting (
    municipality_id  uuid          not null references municipality (id),
    definition_id    uuid          not null references service_definition (id),
    draft_months     integer,
    case_months      integer,
    updated_at       timestamptz   not null default now(),
    updated_by       varchar(255)  not null,
    primary key (municipality_id, definition_id),
    constraint retention_setting_draft_ck check (draft_months is null or draft_months between 1 and 24),
    constraint retention_setting_case_ck check (case_months is null or case_months between 6 and 360)
);

-- A legal hold (litigation, audit by the court of auditors, a pending objection) stops every
-- erasure of the case until a clerk lifts it. erased_at marks a case whose personal data is gone.
alter table case_record
    add column legal_hold_reason  varchar(500),
    add column legal_hold_at      timestamptz,
    add column legal_hold_by      varchar(255),
    add column erased_at          timestamptz,
    add constraint case_record_legal_hold_ck check ((legal_hold_reason is null) = (legal_hold_at is null));

-- Envelope encryption one level deeper: every file and notice gets a key of its own, wrapped by
-- the municipality's data key (AES-GCM, associated data = key id and municipality). Destroying the
-- wrapped key (wrapped_key null, shredded_at set) makes that one file unreadable wherever its
-- ciphertext survives. Rows sealed before V53 have no file key and are still opened with the
-- municipality's data key directly (file_key_id null).
create table file_data_key (
    id               uuid          primary key,
    municipality_id  uuid          not null references municipality (id),
    key_version      integer       not null,
    nonce            bytea,
    wrapped_key      bytea,
    created_at       timestamptz   not null default now(),
    shredded_at      timestamptz,
    constraint file_data_key_municipality_key_fk foreign key (municipality_id, key_version)
        references municipality_data_key (municipality_id, key_version),
    constraint file_data_key_state_ck check (
        (shredded_at is null and wrapped_key is not null and octet_length(nonce) = 12)
        or (shredded_at is not null and wrapped_key is null and nonce is null))
);

alter table attachment add column file_key_id uuid references file_data_key (id);
alter table decision_notice add column file_key_id uuid references file_data_key (id);

-- What the engine erased, and why: the statistics that stay (counts per service and month) and the
-- answer to "what happened to case X". Ids and pseudonyms only, never erased content.
create table retention_erasure (
    id               uuid          primary key,
    municipality_id  uuid          not null references municipality (id),
    definition_id    uuid,
    object_kind      varchar(10)   not null,
    object_id        uuid          not null,
    pseudonym        varchar(80)   not null,
    trigger_kind     varchar(10)   not null,
    rule             varchar(200)  not null,
    erased_at        timestamptz   not null,
    files_shredded   integer       not null default 0,
    rows_changed     integer       not null default 0,
    constraint retention_erasure_kind_ck check (object_kind in ('DRAFT', 'CASE')),
    constraint retention_erasure_trigger_ck check (trigger_kind in ('SCHEDULE', 'REQUEST')),
    constraint retention_erasure_object_uk unique (object_kind, object_id)
);

create index retention_erasure_municipality_idx on retention_erasure (municipality_id, erased_at desc);
-- The engine's work lists.
create index application_draft_updated_idx on application_draft (updated_at);
create index case_record_ended_idx on case_record (municipality_id, status, decided_at)
    where erased_at is null;

alter table retention_setting enable row level security;
alter table retention_setting force row level security;
create policy retention_setting_tenant on retention_setting
    using (rathaus_scope() in ('platform', 'retention')
           or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()))
    with check (rathaus_scope() in ('platform', 'retention')
           or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()));

alter table retention_erasure enable row level security;
alter table retention_erasure force row level security;
create policy retention_erasure_tenant on retention_erasure
    using (rathaus_scope() in ('platform', 'retention')
           or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()))
    with check (rathaus_scope() in ('platform', 'retention'));

-- Key management, like municipality_data_key: platform scope (the key ring's own transactions)
-- and the erasure engine, which destroys keys.
alter table file_data_key enable row level security;
alter table file_data_key force row level security;
create policy file_data_key_platform on file_data_key
    using (rathaus_scope() in ('platform', 'retention'))
    with check (rathaus_scope() in ('platform', 'retention'));

-- The erasure engine's scope on the tables it reads and erases in.
create policy application_draft_retention on application_draft
    using (rathaus_scope() = 'retention') with check (rathaus_scope() = 'retention');
create policy case_application_retention on case_application
    using (rathaus_scope() = 'retention') with check (rathaus_scope() = 'retention');
create policy case_record_retention on case_record
    using (rathaus_scope() = 'retention') with check (rathaus_scope() = 'retention');
create policy case_event_retention on case_event
    using (rathaus_scope() = 'retention') with check (rathaus_scope() = 'retention');
create policy case_note_retention on case_note
    using (rathaus_scope() = 'retention') with check (rathaus_scope() = 'retention');
create policy mailbox_thread_retention on mailbox_thread
    using (rathaus_scope() = 'retention') with check (rathaus_scope() = 'retention');
create policy mailbox_message_retention on mailbox_message
    using (rathaus_scope() = 'retention') with check (rathaus_scope() = 'retention');
create policy attachment_retention on attachment
    using (rathaus_scope() = 'retention') with check (rathaus_scope() = 'retention');
create policy decision_notice_retention on decision_notice
    using (rathaus_scope() = 'retention') with check (rathaus_scope() = 'retention');
create policy payment_request_retention on payment_request
    using (rathaus_scope() = 'retention') with check (rathaus_scope() = 'retention');
create policy payment_event_retention on payment_event
    using (rathaus_scope() = 'retention') with check (rathaus_scope() = 'retention');
create policy bank_statement_entry_retention on bank_statement_entry
    using (rathaus_scope() = 'retention') with check (rathaus_scope() = 'retention');
create policy notification_outbox_retention on notification_outbox
    using (rathaus_scope() = 'retention') with check (rathaus_scope() = 'retention');
create policy appointment_retention on appointment
    using (rathaus_scope() = 'retention') with check (rathaus_scope() = 'retention');
create policy municipality_data_key_retention on municipality_data_key for select
    using (rathaus_scope() = 'retention');
-- The service's title for the admin's dry run, of retired and never-offered services too.
create policy service_definition_retention on service_definition for select
    using (rathaus_scope() = 'retention');

grant select, insert, update, delete on retention_setting to ${appRole};
grant select, insert on retention_erasure to ${appRole};
grant select, insert on file_data_key to ${appRole};
grant update (nonce, wrapped_key, shredded_at) on file_data_key to ${appRole};
-- Erasure overwrites personal fields; the rows themselves (and so the statistics) stay.
grant update (applicant_subject, answers, notification_email) on case_application to ${appRole};
grant update (actor_subject, actor_name, detail) on case_event to ${appRole};
grant delete on case_note to ${appRole};
grant update (citizen_subject, citizen_email, title) on mailbox_thread to ${appRole};
grant update (citizen_subject, author_subject, author_name, body) on mailbox_message to ${appRole};
grant update (applicant_subject, reasons, file_name, ciphertext, nonce, key_version, file_key_id) on decision_notice to ${appRole};
grant update (applicant_subject, actor, detail) on payment_event to ${appRole};
grant update (remittance_info, debtor_name, debtor_iban) on bank_statement_entry to ${appRole};
