-- Attachments of drafts and applications, stored encrypted with a data key per municipality.
--
-- Envelope encryption: every municipality gets AES-256 data keys, stored here only wrapped by a
-- master key that never enters the database (a keystore file, an HSM or a cloud KMS behind the
-- KeyProvider SPI). A copy of this database alone therefore decrypts nothing. Destroying a
-- municipality's data keys (or the master key) makes its attachments unreadable for good
-- (crypto-shredding).

create table municipality_data_key (
    municipality_id  uuid         not null references municipality (id),
    key_version      integer      not null,
    master_key_id    varchar(200) not null,
    wrapped_key      bytea        not null,
    created_at       timestamptz  not null default now(),
    constraint municipality_data_key_pk primary key (municipality_id, key_version),
    constraint municipality_data_key_version_ck check (key_version > 0)
);

create table attachment (
    id               uuid          primary key,
    municipality_id  uuid          not null references municipality (id),
    owner_subject    varchar(255)  not null,
    -- The draft or application the file belongs to; null until the form renderer links them.
    draft_id         uuid,
    application_id   uuid,
    display_name     varchar(200)  not null,
    content_type     varchar(100)  not null,
    size_bytes       bigint        not null,
    sha256           varchar(64)   not null,
    scan_status      varchar(20)   not null,
    scan_detail      varchar(200),
    key_version      integer       not null,
    nonce            bytea         not null,
    ciphertext       bytea         not null,
    created_at       timestamptz   not null default now(),
    constraint attachment_key_fk foreign key (municipality_id, key_version)
        references municipality_data_key (municipality_id, key_version),
    constraint attachment_scan_status_ck check (scan_status in ('CLEAN', 'NOT_SCANNED')),
    constraint attachment_size_ck check (size_bytes >= 0),
    constraint attachment_sha256_ck check (sha256 ~ '^[0-9a-f]{64}$'),
    constraint attachment_nonce_ck check (octet_length(nonce) = 12)
);

create index attachment_owner_idx on attachment (owner_subject, created_at);
create index attachment_municipality_idx on attachment (municipality_id, created_at);
create index attachment_draft_idx on attachment (draft_id) where draft_id is not null;

-- Wrapped data keys are key management, a platform function: the portal reads and creates them in
-- a transaction of its own in platform scope, so neither citizens nor staff ever see them.
alter table municipality_data_key enable row level security;
alter table municipality_data_key force row level security;
create policy municipality_data_key_platform on municipality_data_key
    using (rathaus_scope() = 'platform')
    with check (rathaus_scope() = 'platform');

-- Attachments: the municipality's staff (convention of V2) and the citizen who uploaded them.
-- The platform scope is deliberately not allowed to read them: platform operators see no
-- citizen's documents.
alter table attachment enable row level security;
alter table attachment force row level security;
create policy attachment_tenant on attachment
    using (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality())
    with check (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality());
create policy attachment_owner on attachment
    using (rathaus_scope() = 'citizen' and owner_subject = rathaus_subject())
    with check (rathaus_scope() = 'citizen' and owner_subject = rathaus_subject());

-- No DELETE yet: removing an attachment from a draft comes with the draft flow (issue 4).
grant select, insert on municipality_data_key to ${appRole};
grant select, insert, update on attachment to ${appRole};
