-- Rathaus schema, version 46 (issue 15, GDPR Art. 15): a citizen may learn who in which authority
-- read or worked on her data, and when. The audit log stays closed to citizens (V2: no citizen
-- policy on audit_entry); instead one function answers exactly this question for the signed-in
-- citizen of the current transaction:
--   * only in the citizen scope, only entries about her own cases, files, notices and mailbox
--     threads (decided by her subject, rathaus_subject(), never by a parameter);
--   * only what others did (her own actions are not "access by the authority");
--   * the acting person's display name as the municipality knows it (case_staff), the
--     municipality's name, the case's reference number, the action; never the entry's details.
-- Security definer so it can read audit_entry, which citizens cannot select. The other tables it
-- joins (case_record, attachment, decision_notice, mailbox_thread) are read under their own
-- forced row-level security with the citizen's settings, i.e. only her rows. case_staff is forced
-- too, so citizens get a read policy limited to the staff of municipalities she has a case with
-- (names she also sees as authors of mailbox messages and signatories of notices).

create policy case_staff_citizen_read on case_staff for select
    using (rathaus_scope() = 'citizen'
           and exists (select 1 from case_record r
                        where r.municipality_id = case_staff.municipality_id
                          and r.applicant_subject = rathaus_subject()));

create function citizen_access_log()
    returns table (occurred_at    timestamptz,
                   municipality   varchar,
                   actor_name     varchar,
                   action         varchar,
                   subject_type   varchar,
                   reference      varchar)
    language sql stable security definer set search_path = public, pg_temp as $$
    with mine as (
        select 'case_record'::varchar as kind, r.id::text as id, r.reference_number as reference
          from case_record r where r.applicant_subject = rathaus_subject()
        union all
        select 'attachment', a.id::text, ca.reference_number
          from attachment a left join case_application ca on ca.id = a.application_id
         where a.owner_subject = rathaus_subject()
        union all
        select 'decision_notice', n.id::text, r.reference_number
          from decision_notice n join case_record r on r.id = n.case_id
         where n.applicant_subject = rathaus_subject()
        union all
        select 'mailbox_thread', t.id::text, r.reference_number
          from mailbox_thread t left join case_record r on r.id = t.case_id
         where t.citizen_subject = rathaus_subject()
    )
    select e.occurred_at, m.name, s.display_name, e.action, e.subject_type, mine.reference
      from audit_entry e
      join mine on mine.kind = e.subject_type and mine.id = e.subject_id
      left join municipality m on m.id = e.municipality_id
      left join case_staff s on s.municipality_id = e.municipality_id and s.subject = e.actor
     where rathaus_scope() = 'citizen'
       and rathaus_subject() is not null
       and e.actor <> rathaus_subject()
     order by e.occurred_at, e.id
$$;

revoke all on function citizen_access_log() from public;
grant execute on function citizen_access_log() to ${appRole};

-- The log is looked up by subject; the chain index alone would scan every municipality's entries.
create index audit_entry_subject_idx on audit_entry (subject_type, subject_id);
