-- Rathaus schema, version 16: the back-office inbox stays fast at a million cases (issue 5; the
-- numbers are in benchmarks/README.md, measured with ./mvnw -pl benchmarks -am verify -Pbench).
-- Two things were slow under row-level security, both for the same reason: a query's own
-- condition may run before the policy's only if it is leakproof, otherwise PostgreSQL must check
-- the policy on every row first — for search and counters that was every case of the municipality.

-- Backfill below reads and writes tenant rows as the owner (policies are forced): platform scope,
-- for this transaction only.
select set_config('rathaus.scope', 'platform', true);

-- 1. Search. lower() and LIKE are not leakproof, so "lower(applicant_name) like 'erika m%'" could
-- not use an index under row-level security. The lowered name is stored (generated, so it cannot
-- drift), and the inbox compares prefixes with the byte-wise pattern operators ~>=~ / ~<~, which
-- are leakproof and exact for a prefix whatever the database's collation (eu.rathaus.cases.
-- infrastructure.InboxSql). The reference number gets the same pattern-operator index.
alter table case_record
    add column applicant_name_key text generated always as (lower(applicant_name)) stored;
drop index case_record_applicant_name_idx;
create index case_record_applicant_key_idx on case_record (municipality_id, applicant_name_key text_pattern_ops);
drop index case_record_reference_idx;
create index case_record_reference_idx on case_record (municipality_id, reference_number text_pattern_ops);

-- 2. Counters. "How many cases per status" counted every case of the municipality on every inbox
-- page (and checked the policy on each). The counts are kept instead, by a trigger in the same
-- transaction as the change, so they are exact and cost one row per status to read.
create table case_status_count (
    municipality_id    uuid          not null references municipality (id),
    status             varchar(20)   not null,
    cases              bigint        not null,
    -- No "cases >= 0" check: PostgreSQL checks the row an upsert proposes before it finds the
    -- conflict, and the trigger proposes negative deltas (a case leaving a status).
    primary key (municipality_id, status)
);

insert into case_status_count (municipality_id, status, cases)
select municipality_id, status, count(*) from case_record group by municipality_id, status;

-- Runs as the owner (security definer): citizens submit and withdraw cases, but nobody except this
-- trigger may write a count. Per statement, not per row: the changed rows (transition tables) are
-- summed into one delta per municipality and status, so a bulk insert of a million cases touches
-- each count once instead of re-updating the same row a million times in one transaction. The
-- deltas are applied in (municipality, status) order, so two transactions moving cases in
-- opposite directions (waiting <-> in review) wait for each other instead of deadlocking.
create function case_status_count_maintain() returns trigger
    language plpgsql security definer set search_path = public, pg_temp as $$
begin
    if tg_op = 'INSERT' then
        insert into case_status_count as s (municipality_id, status, cases)
        select municipality_id, status, count(*) from new_rows
         group by municipality_id, status order by municipality_id, status
            on conflict (municipality_id, status) do update set cases = s.cases + excluded.cases;
    elsif tg_op = 'DELETE' then
        insert into case_status_count as s (municipality_id, status, cases)
        select municipality_id, status, -count(*) from old_rows
         group by municipality_id, status order by municipality_id, status
            on conflict (municipality_id, status) do update set cases = s.cases + excluded.cases;
    else
        insert into case_status_count as s (municipality_id, status, cases)
        select municipality_id, status, sum(delta) from (
                select municipality_id, status, 1 as delta from new_rows
                union all
                select municipality_id, status, -1 from old_rows) d
         group by municipality_id, status having sum(delta) <> 0 order by municipality_id, status
            on conflict (municipality_id, status) do update set cases = s.cases + excluded.cases;
    end if;
    return null;
end;
$$;

-- Transition tables allow one event per trigger and no column list.
create trigger case_status_count_insert after insert on case_record
    referencing new table as new_rows for each statement execute function case_status_count_maintain();
create trigger case_status_count_update after update on case_record
    referencing old table as old_rows new table as new_rows
    for each statement execute function case_status_count_maintain();
create trigger case_status_count_delete after delete on case_record
    referencing old table as old_rows for each statement execute function case_status_count_maintain();

-- Row-level security, convention of V2 for reading; the application role only reads. The owner
-- (who alone runs the trigger above) may write any municipality's count: policies are forced,
-- so it needs a policy of its own, named to whoever runs this migration.
alter table case_status_count enable row level security;
alter table case_status_count force row level security;
create policy case_status_count_tenant on case_status_count for select
    using (rathaus_scope() = 'platform' or municipality_id = rathaus_municipality());
do $$
begin
    execute format('create policy case_status_count_owner on case_status_count to %I using (true) with check (true)',
                   current_user);
end;
$$;
grant select on case_status_count to ${appRole};

-- 3. The "mine" and "unassigned" counters look at open cases only: small partial indexes, with
-- the column the policy reads besides the municipality, answer them without visiting the table.
-- The unassigned one is in due-date order, so the "unassigned" view's page reads 26 entries (IS
-- NULL is no equality to the planner: in an index on assignee_subject it would sort them all).
create index case_record_open_assignee_idx on case_record (municipality_id, assignee_subject)
    include (applicant_subject)
    where status in ('SUBMITTED', 'IN_REVIEW', 'WAITING_FOR_CITIZEN');
create index case_record_unassigned_idx on case_record (municipality_id, due_date, id)
    include (applicant_subject)
    where assignee_subject is null and status in ('SUBMITTED', 'IN_REVIEW', 'WAITING_FOR_CITIZEN');
