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
    primary key (municipality_id, status),
    constraint case_status_count_cases_ck check (cases >= 0)
);

insert into case_status_count (municipality_id, status, cases)
select municipality_id, status, count(*) from case_record group by municipality_id, status;

-- Runs as the owner (security definer): citizens submit and withdraw cases, but nobody except this
-- trigger may write a count. Two rows are touched in the order of their status, so two
-- transitions in opposite directions (waiting <-> in review) wait for each other instead of
-- deadlocking.
create function case_status_count_maintain() returns trigger
    language plpgsql security definer set search_path = public, pg_temp as $$
declare
    add_first boolean;
begin
    if tg_op = 'UPDATE' and old.status = new.status and old.municipality_id = new.municipality_id then
        return null;
    end if;
    add_first := tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.status < old.status);
    if add_first then
        insert into case_status_count as s (municipality_id, status, cases) values (new.municipality_id, new.status, 1)
            on conflict (municipality_id, status) do update set cases = s.cases + 1;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        update case_status_count set cases = cases - 1
         where municipality_id = old.municipality_id and status = old.status;
    end if;
    if tg_op = 'UPDATE' and not add_first then
        insert into case_status_count as s (municipality_id, status, cases) values (new.municipality_id, new.status, 1)
            on conflict (municipality_id, status) do update set cases = s.cases + 1;
    end if;
    return null;
end;
$$;

create trigger case_status_count_maintain
    after insert or delete or update of status, municipality_id on case_record
    for each row execute function case_status_count_maintain();

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

-- 3. The "mine" and "unassigned" counters look at open cases only: a small partial index, with
-- the columns the policy reads, answers them without visiting the table. In due-date order it
-- also serves the "unassigned" view's pages (26 rows read, not all open unassigned cases sorted).
create index case_record_open_assignee_idx on case_record (municipality_id, assignee_subject, due_date, id)
    include (applicant_subject)
    where status in ('SUBMITTED', 'IN_REVIEW', 'WAITING_FOR_CITIZEN');
