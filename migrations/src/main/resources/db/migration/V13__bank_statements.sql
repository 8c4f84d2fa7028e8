-- Rathaus schema, version 13: bank-statement reconciliation (issue 6, treasury) — imported camt.053
-- statements, their entries with the outcome of matching, and the clarification list for a human.
-- Amounts are cents (bigint), like payment_request.

-- One imported statement file. A statement may be imported once only: it is recognised by its
-- identity (account + the bank's statement id) and, independently, by the file's SHA-256, so neither
-- a renamed copy nor a re-issued file with the same statement id can book money twice.
create table bank_statement (
    id                   uuid          primary key,
    municipality_id      uuid          not null references municipality (id),
    message_type         varchar(20)   not null,
    message_id           varchar(35)   not null,
    statement_id         varchar(200)  not null,
    account_iban         varchar(34)   not null,
    period_from          date,
    period_to            date,
    file_name            varchar(255),
    file_sha256          varchar(64)   not null,
    entry_count          integer       not null,
    matched_count        integer       not null,
    clarification_count  integer       not null,
    ignored_count        integer       not null,
    imported_by          varchar(200)  not null,
    imported_at          timestamptz   not null,
    constraint bank_statement_identity_uk unique (municipality_id, account_iban, statement_id),
    constraint bank_statement_file_uk unique (municipality_id, file_sha256),
    constraint bank_statement_sha_ck check (file_sha256 ~ '^[0-9a-f]{64}$')
);

create index bank_statement_municipality_idx on bank_statement (municipality_id, imported_at desc);

-- One booked transaction of a statement (a batch entry contributes one row per transaction) and
-- what matching made of it. The debtor's IBAN is kept because a refund by transfer goes back there.
create table bank_statement_entry (
    id                   uuid          primary key,
    statement_id         uuid          not null references bank_statement (id),
    municipality_id      uuid          not null references municipality (id),
    line_no              integer       not null,
    bank_reference       varchar(200)  not null,
    amount_cents         bigint        not null,
    currency             varchar(3)    not null,
    credit_debit         varchar(4)    not null,
    booking_date         date,
    creditor_reference   varchar(35),
    remittance_info      varchar(500),
    debtor_name          varchar(140),
    debtor_iban          varchar(34),
    payment_id           uuid          references payment_request (id),
    outcome              varchar(20)   not null,
    constraint bank_statement_entry_line_uk unique (statement_id, line_no),
    constraint bank_statement_entry_amount_ck check (amount_cents >= 0),
    constraint bank_statement_entry_cd_ck check (credit_debit in ('CRDT', 'DBIT')),
    constraint bank_statement_entry_outcome_ck check (outcome in
        ('MATCHED', 'UNDERPAID', 'OVERPAID', 'UNKNOWN_REFERENCE', 'NOT_PAYABLE', 'ALREADY_BOOKED', 'DEBIT_IGNORED',
         'OTHER_CURRENCY'))
);

create index bank_statement_entry_statement_idx on bank_statement_entry (statement_id, line_no);
create index bank_statement_entry_payment_idx on bank_statement_entry (payment_id) where payment_id is not null;

-- Money that arrived but could not be booked automatically: a person decides (book by hand, return
-- the transfer, ask the citizen) and writes down what was done.
create table payment_clarification (
    id                   uuid          primary key,
    entry_id             uuid          not null references bank_statement_entry (id),
    municipality_id      uuid          not null references municipality (id),
    payment_id           uuid          references payment_request (id),
    reason               varchar(30)   not null,
    status               varchar(10)   not null,
    resolution_note      varchar(1000),
    resolved_by          varchar(200),
    resolved_at          timestamptz,
    created_at           timestamptz   not null,
    constraint payment_clarification_entry_uk unique (entry_id),
    constraint payment_clarification_reason_ck check (reason in
        ('UNKNOWN_REFERENCE', 'UNDERPAID', 'OVERPAID', 'NOT_PAYABLE', 'OTHER_CURRENCY')),
    constraint payment_clarification_status_ck check (status in ('OPEN', 'RESOLVED')),
    constraint payment_clarification_resolved_ck check (status = 'OPEN' or
        (resolution_note is not null and resolved_by is not null and resolved_at is not null))
);

create index payment_clarification_open_idx on payment_clarification (municipality_id, status, created_at);

-- Row-level security (convention of V2): the treasury's data is for the municipality's staff and
-- the platform only — citizens and anonymous callers see nothing, not even their own transfers.
alter table bank_statement enable row level security;
alter table bank_statement force row level security;
create policy bank_statement_tenant on bank_statement
    using (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()))
    with check (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()));

alter table bank_statement_entry enable row level security;
alter table bank_statement_entry force row level security;
create policy bank_statement_entry_tenant on bank_statement_entry
    using (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()))
    with check (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()));

alter table payment_clarification enable row level security;
alter table payment_clarification force row level security;
create policy payment_clarification_tenant on payment_clarification
    using (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()))
    with check (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()));

-- Statements and entries are a record of what the bank said: never changed after the import.
grant select, insert on bank_statement to ${appRole};
grant select, insert on bank_statement_entry to ${appRole};
grant select, insert, update on payment_clarification to ${appRole};
