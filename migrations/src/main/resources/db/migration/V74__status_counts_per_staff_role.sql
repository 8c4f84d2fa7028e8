-- Issue 15: the inbox's per-status counters (V16) counted the cases reserved for a staff role (V65,
-- data protection requests) for every clerk, so a clerk without the role saw a number the list
-- below it did not explain. The counts are now kept per (municipality, status, staff_role); the
-- inbox sums the rows the caller may see (eu.rathaus.cases.infrastructure.InboxSql), and a
-- restrictive policy, the same rule as case_record_staff_role, is the net under it.

-- The backfill reads and writes tenant rows as the owner (policies are forced): platform scope,
-- for this transaction only.
select set_config('rathaus.scope', 'platform', true);

alter table case_status_count add column staff_role text;
alter table case_status_count drop constraint case_status_count_pkey;
-- NULL (no reserving role, the usual case) is one key like any other value.
alter table case_status_count add constraint case_status_count_key
    unique nulls not distinct (municipality_id, status, staff_role);

delete from case_status_count;
insert into case_status_count (municipality_id, status, staff_role, cases)
select municipality_id, status, staff_role, count(*) from case_record
 group by municipality_id, status, staff_role;

-- As V16's, one more grouping column. Deltas applied in key order (no deadlock between opposite moves).
create or replace function case_status_count_maintain() returns trigger
    language plpgsql security definer set search_path = public, pg_temp as $$
begin
    if tg_op = 'INSERT' then
        insert into case_status_count as s (municipality_id, status, staff_role, cases)
        select municipality_id, status, staff_role, count(*) from new_rows
         group by municipality_id, status, staff_role order by municipality_id, status, staff_role
            on conflict (municipality_id, status, staff_role) do update set cases = s.cases + excluded.cases;
    elsif tg_op = 'DELETE' then
        insert into case_status_count as s (municipality_id, status, staff_role, cases)
        select municipality_id, status, staff_role, -count(*) from old_rows
         group by municipality_id, status, staff_role order by municipality_id, status, staff_role
            on conflict (municipality_id, status, staff_role) do update set cases = s.cases + excluded.cases;
    else
        insert into case_status_count as s (municipality_id, status, staff_role, cases)
        select municipality_id, status, staff_role, sum(delta) from (
                select municipality_id, status, staff_role, 1 as delta from new_rows
                union all
                select municipality_id, status, staff_role, -1 from old_rows) d
         group by municipality_id, status, staff_role having sum(delta) <> 0
         order by municipality_id, status, staff_role
            on conflict (municipality_id, status, staff_role) do update set cases = s.cases + excluded.cases;
    end if;
    return null;
end;
$$;

-- Restrictive, like case_record_staff_role (V65): staff see the counts of unreserved cases and of
-- those reserved for a role they hold; citizens have no counts, platform jobs see all.
create policy case_status_count_staff_role on case_status_count as restrictive for select
    using (staff_role is null
           or rathaus_scope() <> 'staff'
           or staff_role = any (coalesce(rathaus_roles(), '{}')));
