-- Rathaus schema, version 12: payments (issue 6) — one payment request per fee-bearing application,
-- its state changes as an append-only event list, refunds, and the municipality's payee account.
-- Amounts are cents in EUR (bigint): summed and reconciled against bank statements, never rounded.

-- Where citizens' transfers go: the municipality's treasury account (Gemeindekasse). Printed on the
-- payment page, the receipt and in the EPC QR code; validated (mod 97) by the service layer.
alter table municipality
    add column payee_name varchar(70),
    add column payee_iban varchar(34),
    add column payee_bic  varchar(11);

update municipality set payee_name = 'Stadtkasse Musterstadt', payee_iban = 'DE02120300000000202051',
    payee_bic = 'BYLADEM1001' where slug = 'musterstadt';
update municipality set payee_name = 'Gemeindekasse Beispielheim', payee_iban = 'DE02500105170137075030',
    payee_bic = 'INGDDEFFXXX' where slug = 'beispielheim';

-- The request to pay an application's fee. The Kassenzeichen (ISO 11649 creditor reference, check
-- digits included) is what the citizen writes into a transfer and what a bank statement brings back;
-- it is unique platform-wide so an incoming amount can never be booked to two requests.
-- State machine (eu.rathaus.payments.domain.PaymentState): OPEN → PENDING → PAID | FAILED | EXPIRED |
-- CANCELLED, FAILED → PENDING (another try), PAID → REFUNDED (full or partial).
create table payment_request (
    id                   uuid          primary key,
    municipality_id      uuid          not null references municipality (id),
    application_id       uuid          not null references case_application (id),
    applicant_subject    varchar(255)  not null,
    payment_reference    varchar(25)   not null,
    amount_cents         bigint        not null,
    currency             varchar(3)    not null default 'EUR',
    due_date             date          not null,
    state                varchar(20)   not null,
    method               varchar(20),
    provider             varchar(40),
    provider_payment_id  varchar(100),
    paid_cents           bigint        not null default 0,
    refunded_cents       bigint        not null default 0,
    paid_at              timestamptz,
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    version              bigint        not null default 0,
    constraint payment_request_application_uk unique (application_id),
    constraint payment_request_reference_uk unique (payment_reference),
    constraint payment_request_reference_ck check (payment_reference ~ '^RF[0-9]{2}[0-9A-Z]{1,21}$'),
    constraint payment_request_amount_ck check (amount_cents > 0),
    constraint payment_request_currency_ck check (currency = 'EUR'),
    constraint payment_request_state_ck check (state in
        ('OPEN', 'PENDING', 'PAID', 'FAILED', 'EXPIRED', 'CANCELLED', 'REFUNDED')),
    constraint payment_request_method_ck check (method is null or method in ('HOSTED_PAGE', 'SEPA_TRANSFER')),
    constraint payment_request_paid_ck check (paid_cents >= 0),
    constraint payment_request_refunded_ck check (refunded_cents >= 0 and refunded_cents <= paid_cents)
);

create unique index payment_request_provider_uk on payment_request (provider, provider_payment_id)
    where provider_payment_id is not null;
create index payment_request_municipality_idx on payment_request (municipality_id, state, created_at);
create index payment_request_applicant_idx on payment_request (applicant_subject, created_at desc);

-- Every change of a payment, append-only: the treasury's and the auditor's trail. An external id
-- (the provider's notification id, a bank entry's reference) may be booked once per payment only,
-- which makes a repeated notification or a statement imported twice harmless.
create table payment_event (
    id                 uuid          primary key,
    payment_id         uuid          not null references payment_request (id),
    municipality_id    uuid          not null references municipality (id),
    applicant_subject  varchar(255)  not null,
    occurred_at        timestamptz   not null,
    kind               varchar(40)   not null,
    from_state         varchar(20),
    to_state           varchar(20)   not null,
    amount_cents       bigint,
    source             varchar(40)   not null,
    external_id        varchar(200),
    actor              varchar(200)  not null,
    detail             varchar(1000),
    constraint payment_event_external_uk unique (payment_id, source, external_id)
);

create index payment_event_payment_idx on payment_event (payment_id, occurred_at);

-- Refunds: full or partial, through the hosted provider or as a SEPA refund instruction for the
-- treasury's bank.
create table payment_refund (
    id                  uuid          primary key,
    payment_id          uuid          not null references payment_request (id),
    municipality_id     uuid          not null references municipality (id),
    amount_cents        bigint        not null,
    reason              varchar(500)  not null,
    channel             varchar(20)   not null,
    state               varchar(20)   not null,
    provider_refund_id  varchar(100),
    requested_by        varchar(200)  not null,
    requested_at        timestamptz   not null,
    completed_at        timestamptz,
    constraint payment_refund_amount_ck check (amount_cents > 0),
    constraint payment_refund_channel_ck check (channel in ('PROVIDER', 'SEPA_INSTRUCTION')),
    constraint payment_refund_state_ck check (state in ('REQUESTED', 'DONE', 'FAILED'))
);

create index payment_refund_payment_idx on payment_refund (payment_id);

-- Row-level security (convention of V2 and V6): staff see their municipality's payments, citizens
-- their own, the platform scope all (provider notifications and the status poll run there: they
-- arrive without a user).
alter table payment_request enable row level security;
alter table payment_request force row level security;
create policy payment_request_tenant on payment_request
    using (rathaus_scope() = 'platform' or municipality_id = rathaus_municipality())
    with check (rathaus_scope() = 'platform' or municipality_id = rathaus_municipality());
create policy payment_request_citizen on payment_request
    using (rathaus_scope() = 'citizen' and applicant_subject = rathaus_subject())
    with check (rathaus_scope() = 'citizen' and applicant_subject = rathaus_subject());

alter table payment_event enable row level security;
alter table payment_event force row level security;
create policy payment_event_tenant on payment_event
    using (rathaus_scope() = 'platform' or municipality_id = rathaus_municipality())
    with check (rathaus_scope() = 'platform' or municipality_id = rathaus_municipality());
create policy payment_event_citizen on payment_event
    using (rathaus_scope() = 'citizen' and applicant_subject = rathaus_subject())
    with check (rathaus_scope() = 'citizen' and applicant_subject = rathaus_subject());

-- Refunds are the treasury's business: staff and the platform only.
alter table payment_refund enable row level security;
alter table payment_refund force row level security;
create policy payment_refund_tenant on payment_refund
    using (rathaus_scope() = 'platform' or municipality_id = rathaus_municipality())
    with check (rathaus_scope() = 'platform' or municipality_id = rathaus_municipality());

grant select, insert, update on payment_request to ${appRole};
grant select, insert on payment_event to ${appRole};
grant select, insert, update on payment_refund to ${appRole};
