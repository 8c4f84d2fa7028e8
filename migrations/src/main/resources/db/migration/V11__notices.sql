-- Rathaus schema, version 11: decision notices (issue 5) — the municipality's letterhead, the text
-- blocks its admin maintains for decisions, and the issued notices (Bescheide) as encrypted PDFs.
-- Needs V2 (rathaus_scope(), rathaus_municipality(), rathaus_subject()), V6 (case_record) and V7
-- (municipality_data_key: notices are sealed with the same per-municipality data keys as attachments).

-- What a notice's letterhead prints. A table of its own rather than columns on municipality: it is
-- the authority's correspondence data (which office issues notices, where it is reached), changes
-- independently of the tenant row, and a municipality onboarded without it still gets a notice
-- headed with its plain name.
create table municipality_letterhead (
    municipality_id  uuid          primary key references municipality (id),
    authority_name   varchar(200)  not null,
    address_line1    varchar(200)  not null,
    address_line2    varchar(200),
    phone            varchar(50),
    email            varchar(254),
    web_address      varchar(200),
    updated_at       timestamptz   not null default now()
);

insert into municipality_letterhead (municipality_id, authority_name, address_line1, address_line2, phone, email, web_address)
select id, 'Stadt Musterstadt – Bürgeramt', 'Marktplatz 1', '91099 Musterstadt', '09131 123-0',
       'buergeramt@musterstadt.de', 'www.musterstadt.de'
  from municipality where slug = 'musterstadt'
union all
select id, 'Gemeinde Beispielheim – Bürgerbüro', 'Rathausstraße 5', '72099 Beispielheim', '07071 987-0',
       'buergerbuero@beispielheim.de', 'www.beispielheim.de'
  from municipality where slug = 'beispielheim';

-- Text blocks for decisions: reasons for an approval or a rejection the clerk picks from, and the
-- legal remedy instruction (Rechtsbehelfsbelehrung) printed on every notice. Never deleted, only
-- deactivated: an issued notice quotes the text as it was, and the list keeps its history readable.
create table decision_text_block (
    id               uuid          primary key,
    municipality_id  uuid          not null references municipality (id),
    kind             varchar(20)   not null,
    title            varchar(120)  not null,
    body             varchar(4000) not null,
    active           boolean       not null default true,
    sort_order       integer       not null default 0,
    created_at       timestamptz   not null default now(),
    updated_at       timestamptz   not null default now(),
    version          bigint        not null default 0,
    constraint decision_text_block_kind_ck check (kind in ('APPROVAL', 'REJECTION', 'LEGAL_REMEDY')),
    constraint decision_text_block_title_ck check (length(btrim(title)) > 0),
    constraint decision_text_block_body_ck check (length(btrim(body)) > 0),
    constraint decision_text_block_order_ck check (sort_order between 0 and 9999)
);

create index decision_text_block_municipality_idx on decision_text_block (municipality_id, kind, sort_order);

-- Demo blocks of the two municipalities V1 creates (the same ids as their rows there).
insert into decision_text_block (id, municipality_id, kind, title, body, sort_order)
select b.id::uuid, m.id, b.kind, b.title, replace(b.body, '{authority}', l.authority_name || ', ' || l.address_line1 || ', ' || l.address_line2), b.sort_order
  from municipality m
  join municipality_letterhead l on l.municipality_id = m.id
  cross join (values
    ('0b5c0000-0000-4000-8000-000000000001', 'APPROVAL', 'Voraussetzungen erfüllt',
     'Die Voraussetzungen für die beantragte Leistung liegen vor. Die erforderlichen Angaben und Nachweise wurden vollständig und fristgerecht eingereicht.', 10),
    ('0b5c0000-0000-4000-8000-000000000002', 'APPROVAL', 'Gebühr entrichtet',
     'Die festgesetzte Verwaltungsgebühr wurde entrichtet. Dem Antrag wird daher in vollem Umfang entsprochen.', 20),
    ('0b5c0000-0000-4000-8000-000000000003', 'REJECTION', 'Unterlagen unvollständig',
     'Trotz Aufforderung wurden die für die Entscheidung erforderlichen Unterlagen nicht vollständig vorgelegt. Ohne diese Nachweise kann das Vorliegen der Voraussetzungen nicht festgestellt werden.', 10),
    ('0b5c0000-0000-4000-8000-000000000004', 'REJECTION', 'Keine Zuständigkeit',
     'Die Antragstellerin oder der Antragsteller ist nicht mit Hauptwohnsitz in unserem Gemeindegebiet gemeldet. Für die beantragte Leistung ist daher eine andere Behörde zuständig.', 20),
    ('0b5c0000-0000-4000-8000-000000000005', 'LEGAL_REMEDY', 'Rechtsbehelfsbelehrung',
     'Gegen diesen Bescheid kann innerhalb eines Monats nach seiner Bekanntgabe Widerspruch erhoben werden. Der Widerspruch ist schriftlich, in elektronischer Form nach § 3a Abs. 2 des Verwaltungsverfahrensgesetzes oder zur Niederschrift bei {authority} einzulegen.', 10)
  ) as b(id, kind, title, body, sort_order)
 where m.slug = 'musterstadt'
union all
select b.id::uuid, m.id, b.kind, b.title,
       replace(b.body, '{authority}', l.authority_name || ', ' || l.address_line1 || ', ' || l.address_line2), b.sort_order
  from municipality m
  join municipality_letterhead l on l.municipality_id = m.id
  cross join (values
    ('0b5c0000-0000-4000-8000-000000000101', 'APPROVAL', 'Voraussetzungen erfüllt',
     'Die Voraussetzungen für die beantragte Leistung liegen vor. Die erforderlichen Angaben und Nachweise wurden vollständig eingereicht.', 10),
    ('0b5c0000-0000-4000-8000-000000000103', 'REJECTION', 'Unterlagen unvollständig',
     'Die für die Entscheidung erforderlichen Unterlagen wurden nicht vollständig vorgelegt.', 10),
    ('0b5c0000-0000-4000-8000-000000000105', 'LEGAL_REMEDY', 'Rechtsbehelfsbelehrung',
     'Gegen diesen Bescheid kann innerhalb eines Monats nach seiner Bekanntgabe Widerspruch erhoben werden. Der Widerspruch ist schriftlich, in elektronischer Form nach § 3a Abs. 2 des Verwaltungsverfahrensgesetzes oder zur Niederschrift bei {authority} einzulegen.', 10)
  ) as b(id, kind, title, body, sort_order)
 where m.slug = 'beispielheim';

-- Row-level security only after the demo rows above: "force" binds the schema owner as well.
-- Letterheads are public contact data (every notice shows them); writing them is platform work.
alter table municipality_letterhead enable row level security;
alter table municipality_letterhead force row level security;
create policy municipality_letterhead_read on municipality_letterhead for select using (true);
create policy municipality_letterhead_platform on municipality_letterhead
    using (rathaus_scope() = 'platform')
    with check (rathaus_scope() = 'platform');

alter table decision_text_block enable row level security;
alter table decision_text_block force row level security;
create policy decision_text_block_tenant on decision_text_block
    using (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()))
    with check (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()));

-- An issued notice: who decided what on which case, and the PDF exactly as delivered, sealed with
-- the municipality's data key (AES-GCM, associated data = notice id and municipality). The applicant's
-- subject is copied from the case so row-level security needs no join.
create table decision_notice (
    id                 uuid          primary key,
    case_id            uuid          not null references case_record (id),
    municipality_id    uuid          not null references municipality (id),
    applicant_subject  varchar(255)  not null,
    approved           boolean       not null,
    reasons            varchar(8000) not null,
    file_name          varchar(200)  not null,
    size_bytes         bigint        not null,
    sha256             varchar(64)   not null,
    key_version        integer       not null,
    nonce              bytea         not null,
    ciphertext         bytea         not null,
    created_at         timestamptz   not null default now(),
    created_by         varchar(255)  not null,
    constraint decision_notice_key_fk foreign key (municipality_id, key_version)
        references municipality_data_key (municipality_id, key_version),
    constraint decision_notice_sha256_ck check (sha256 ~ '^[0-9a-f]{64}$'),
    constraint decision_notice_nonce_ck check (octet_length(nonce) = 12),
    constraint decision_notice_size_ck check (size_bytes > 0)
);

create index decision_notice_case_idx on decision_notice (case_id, created_at);
create index decision_notice_applicant_idx on decision_notice (applicant_subject, created_at desc);

-- Like attachments (V7): staff of the municipality and the applicant; platform operators read no
-- citizen's notices. A notice is evidence: no UPDATE or DELETE for the portal.
alter table decision_notice enable row level security;
alter table decision_notice force row level security;
create policy decision_notice_tenant on decision_notice
    using (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality())
    with check (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality());
create policy decision_notice_applicant on decision_notice for select
    using (rathaus_scope() = 'citizen' and applicant_subject = rathaus_subject());

grant select on municipality_letterhead to ${appRole};
grant select, insert, update on decision_text_block to ${appRole};
grant select, insert on decision_notice to ${appRole};
