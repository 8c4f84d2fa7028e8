-- Rathaus schema, version 55 (issue 13): change of address (Ummeldung within the municipality,
-- Anmeldung from elsewhere) written into the resident register on the clerk's approval.
--   * resident_move: one row per application of the change-of-address service, written in the
--     submission's transaction — which eID pseudonym submitted it (the register record the clerk
--     moves; the case only knows the portal subject) and, once approved, when and by whom the
--     register was written (in the same transaction as the case decision).
--   * resident_own_household(municipality): the members of the household of the citizen's own
--     record (the one linked to the eID pseudonym of her transaction, V50's rathaus.eid) — names,
--     birth dates and relation, so the form can offer who moves with her. Security definer: V50
--     lets a citizen read only her own rows, never her household's.

select set_config('rathaus.scope', 'platform', true);

create table resident_move (
    id                 uuid          primary key,
    municipality_id    uuid          not null references municipality (id),
    application_id     uuid          not null unique references case_application (id),
    applicant_subject  varchar(255)  not null,
    eid_pseudonym      varchar(255),
    created_at         timestamptz   not null default now(),
    registered_at      timestamptz,
    registered_by      varchar(255),
    constraint resident_move_registered_ck check ((registered_at is null) = (registered_by is null))
);

-- The municipality's staff and the platform; the applicant writes and reads her own.
alter table resident_move enable row level security;
alter table resident_move force row level security;
create policy resident_move_tenant on resident_move
    using (rathaus_scope() = 'platform'
           or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()))
    with check (rathaus_scope() = 'platform'
                or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()));
create policy resident_move_applicant on resident_move
    using (rathaus_scope() = 'citizen' and applicant_subject = rathaus_subject())
    with check (rathaus_scope() = 'citizen' and applicant_subject = rathaus_subject());

grant select, insert, update on resident_move to ${appRole};

-- Forced row-level security binds the owner too: act as the platform for this one query and give
-- the caller's scope back (as V51's certificate_verification does).
create function resident_own_household(given_municipality uuid)
    returns table (id uuid, given_names varchar, family_name varchar, birth_date date, relation varchar)
    language plpgsql stable security definer set search_path = public, pg_temp as $$
declare
    caller_scope text := coalesce(current_setting('rathaus.scope', true), '');
    own text := nullif(current_setting('rathaus.eid', true), '');
begin
    if caller_scope <> 'citizen' or own is null then
        return;
    end if;
    perform set_config('rathaus.scope', 'platform', true);
    return query
        select m.id, m.given_names, m.family_name, m.birth_date, h.relation
          from resident r
          join resident_household h on h.resident_id = r.id
          join resident m on m.id = h.member_id
         where r.municipality_id = given_municipality and r.eid_pseudonym = own
         order by m.birth_date, m.id;
    perform set_config('rathaus.scope', caller_scope, true);
end;
$$;

revoke all on function resident_own_household(uuid) from public;
grant execute on function resident_own_household(uuid) to ${appRole};
