-- Rathaus schema (issue 13): the prefill "Personen im Haushalt" from the built-in register. A
-- citizen's own record so far came without her household (V50: she reads no row of another
-- person). This function gives her, for her own record only, the other members of her household as
-- the prefill needs them — id, names, birth date, relation — and nothing else of their records
-- (no addresses, no birth place, no blocking notes, no eID link). Callable only in a citizen's
-- scope, for the record linked to the eID pseudonym of her transaction (rathaus.eid, which the
-- register adapter sets for that one read, as in V50). Security definer with the platform scope
-- inside, restored before it returns (as certificate_verification of V51).

create function rathaus_own_household(given_municipality uuid)
    returns table (id uuid, given_names varchar, family_name varchar, birth_date date, relation varchar)
    language plpgsql stable security definer set search_path = public, pg_temp as $$
declare
    caller_scope text := coalesce(current_setting('rathaus.scope', true), '');
    own_eid text := nullif(current_setting('rathaus.eid', true), '');
begin
    if caller_scope <> 'citizen' or own_eid is null then
        return;
    end if;
    perform set_config('rathaus.scope', 'platform', true);
    return query
        select m.id, m.given_names, m.family_name, m.birth_date, h.relation
          from resident r
          join resident_household h on h.resident_id = r.id
          join resident m on m.id = h.member_id
         where r.municipality_id = given_municipality
           and r.eid_pseudonym = own_eid
         order by m.birth_date, m.id;
    perform set_config('rathaus.scope', caller_scope, true);
end;
$$;

revoke all on function rathaus_own_household(uuid) from public;
grant execute on function rathaus_own_household(uuid) to ${appRole};
