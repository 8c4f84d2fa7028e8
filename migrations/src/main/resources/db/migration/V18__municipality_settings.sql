-- Rathaus schema, version 18 (issue 18): everything a municipality needs before it can take
-- applications and fees is its own data, kept by its municipal admin — not rows a migration writes
-- for two demo municipalities.
--   * every municipality has a reference code (the three letters of its Aktenzeichen); the ones
--     onboarded before this version get one derived from their name;
--   * the code cannot change once an application carries it;
--   * data protection officer and opening hours (municipality_profile, new);
--   * the municipal admin may write the letterhead of their own municipality (V11 allowed only the
--     platform);
--   * a payment request keeps the payee account it was opened with, so a later change of the
--     account never alters what a citizen was told to pay into.

-- Tables with forced row-level security bind the schema owner too: act as the platform.
select set_config('rathaus.scope', 'platform', true);

-- Reference codes for municipalities onboarded without one. Proposal: the first three letters of the
-- name (umlauts spelled out), else the first two and any third letter, else the first and any two.
do $$
declare
    m       record;
    letters text;
    code    text;
    a       int;
    b       int;
begin
    for m in select id, name from municipality where reference_code is null order by created_at, id loop
        letters := upper(regexp_replace(
            replace(replace(replace(replace(m.name, 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'),
            '[^A-Za-z]', '', 'g'));
        letters := rpad(letters, 3, 'X');
        code := substr(letters, 1, 3);
        if exists (select 1 from municipality where reference_code = code) then
            code := null;
            <<second>>
            for a in 65..90 loop
                if not exists (select 1 from municipality where reference_code = substr(letters, 1, 2) || chr(a)) then
                    code := substr(letters, 1, 2) || chr(a);
                    exit second;
                end if;
            end loop;
        end if;
        if code is null then
            <<third>>
            for a in 65..90 loop
                for b in 65..90 loop
                    if not exists (select 1 from municipality where reference_code = substr(letters, 1, 1) || chr(a) || chr(b)) then
                        code := substr(letters, 1, 1) || chr(a) || chr(b);
                        exit third;
                    end if;
                end loop;
            end loop;
        end if;
        update municipality set reference_code = code where id = m.id;
    end loop;
end;
$$;

alter table municipality alter column reference_code set not null;

-- The code is printed in every Aktenzeichen and Kassenzeichen already issued: once an application
-- carries it, it stays. The service layer says so first; this trigger holds even if it forgets.
-- Security definer: the check must see all applications of the municipality whatever the caller's
-- row-level security scope.
create function municipality_reference_code_frozen() returns trigger
    language plpgsql security definer set search_path = public, pg_temp as $$
begin
    if new.reference_code is distinct from old.reference_code
       and exists (select 1 from case_application where municipality_id = old.id) then
        raise exception 'reference code of municipality % is in use by applications', old.id
            using errcode = 'check_violation';
    end if;
    return new;
end;
$$;

create trigger municipality_reference_code_frozen
    before update of reference_code on municipality
    for each row execute function municipality_reference_code_frozen();

-- What citizens need to know about the authority besides its letterhead. Public contact data, like
-- the letterhead: everyone may read it.
create table municipality_profile (
    municipality_id      uuid          primary key references municipality (id),
    dpo_name             varchar(200),
    dpo_contact          varchar(300),
    opening_hours        varchar(1000),
    updated_at           timestamptz   not null default now(),
    version              bigint        not null default 0
);

alter table municipality_profile enable row level security;
alter table municipality_profile force row level security;
create policy municipality_profile_read on municipality_profile for select using (true);
create policy municipality_profile_insert on municipality_profile for insert
    with check (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()));
create policy municipality_profile_update on municipality_profile for update
    using (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()))
    with check (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()));

-- The municipal admin keeps the own letterhead (V11: platform only). Staff of another municipality
-- still cannot write it; /municipal/* is limited to municipal admins by the portal.
create policy municipality_letterhead_staff_insert on municipality_letterhead for insert
    with check (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality());
create policy municipality_letterhead_staff_update on municipality_letterhead for update
    using (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality())
    with check (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality());

-- The payee account as it was when the request was opened (issued requests never change with the
-- settings). Existing requests get the account of their municipality as it is now — the only one
-- they ever knew.
alter table payment_request
    add column payee_name varchar(70),
    add column payee_iban varchar(34),
    add column payee_bic  varchar(11);

update payment_request p
   set payee_name = m.payee_name, payee_iban = m.payee_iban, payee_bic = m.payee_bic
  from municipality m
 where m.id = p.municipality_id;

grant select, insert, update on municipality_profile to ${appRole};
grant insert, update on municipality_letterhead to ${appRole};
