-- Rathaus schema, version 47 (issue 13): certificates of residence (Meldebescheinigungen) issued at
-- once from the resident register, their public verification, and where prefilled answers of an
-- application came from.
--   * resident_certificate: one certificate per application of the Meldebescheinigung service —
--     who holds it (the citizen's subject), the resident record, the kind, the verification code
--     printed on it, when and by which authority it was issued, and the PDF as issued (an issued
--     certificate never changes, even if the register does).
--   * certificate_verification(code): what the public page /verify shows for a code — whether a
--     certificate with that code was issued, when, of which kind and by which municipality —
--     and nothing about the person. Security definer, so anonymous callers need no read policy on
--     the table itself.

select set_config('rathaus.scope', 'platform', true);

create table resident_certificate (
    id                uuid          primary key,
    municipality_id   uuid          not null references municipality (id),
    application_id    uuid          not null unique references case_application (id),
    resident_id       uuid          not null,
    holder_subject    varchar(255)  not null,
    kind              varchar(10)   not null,
    code              varchar(14)   not null unique,
    issued_at         timestamptz   not null default now(),
    issued_by         varchar(200)  not null,
    pdf               bytea         not null,
    foreign key (resident_id, municipality_id) references resident (id, municipality_id),
    constraint resident_certificate_kind_ck check (kind in ('SIMPLE', 'EXTENDED')),
    constraint resident_certificate_code_ck check (code ~ '^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$')
);

-- The municipality's staff and the platform; the holder reads (and, issuing, writes) her own.
alter table resident_certificate enable row level security;
alter table resident_certificate force row level security;
create policy resident_certificate_tenant on resident_certificate
    using (rathaus_scope() = 'platform'
           or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()))
    with check (rathaus_scope() = 'platform'
                or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()));
create policy resident_certificate_holder on resident_certificate
    using (rathaus_scope() = 'citizen' and holder_subject = rathaus_subject())
    with check (rathaus_scope() = 'citizen' and holder_subject = rathaus_subject());

grant select, insert on resident_certificate to ${appRole};

-- Forced row-level security binds the owner too: act as the platform for this one query and give
-- the caller's scope back (as V27's link functions do).
create function certificate_verification(given_code text)
    returns table (issued_at timestamptz, kind varchar, municipality varchar)
    language plpgsql stable security definer set search_path = public, pg_temp as $$
declare
    caller_scope text := coalesce(current_setting('rathaus.scope', true), '');
begin
    perform set_config('rathaus.scope', 'platform', true);
    return query
        select c.issued_at, c.kind, m.name
          from resident_certificate c join municipality m on m.id = c.municipality_id
         where c.code = given_code;
    perform set_config('rathaus.scope', caller_scope, true);
end;
$$;

revoke all on function certificate_verification(text) from public;
grant execute on function certificate_verification(text) to ${appRole};

-- Prefill (issue 13): which answers of an application came from where — field key → prefill source
-- ("eid.givenName", "register.address", …) for each value that is the one its source gave; what
-- the citizen typed herself is not listed. Null for applications without prefilled fields.
alter table case_application
    add column prefill_sources jsonb,
    add constraint case_application_prefill_sources_ck
        check (prefill_sources is null or jsonb_typeof(prefill_sources) = 'object');
