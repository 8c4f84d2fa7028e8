-- Issue 15: a data protection request (Art. 16/17/21 GDPR) is a case for the municipality's data
-- protection role, not for every clerk. A case may name the one staff role that works it; staff
-- without that role neither see nor change it. The service layer filters the same way
-- (JpaCaseRepository, InboxSql); this policy is the net under it.

alter table case_record add column staff_role text
    constraint case_record_staff_role_known check (staff_role in ('data-protection'));

-- The caller's roles, written per transaction by DatabaseTenantScope (comma-separated).
create function rathaus_roles() returns text[]
    language sql stable
    as $$ select string_to_array(nullif(current_setting('rathaus.roles', true), ''), ',') $$;

-- Restrictive: combined with AND with the permissive tenant and citizen policies. Only staff
-- scopes are narrowed; the citizen who filed the request and platform jobs are not.
create policy case_record_staff_role on case_record as restrictive for all
    using (staff_role is null
           or rathaus_scope() <> 'staff'
           or staff_role = any (coalesce(rathaus_roles(), '{}')))
    with check (staff_role is null
           or rathaus_scope() <> 'staff'
           or staff_role = any (coalesce(rathaus_roles(), '{}')));

-- What hangs on such a case is hidden the same way: its timeline, internal notes, decision notice
-- and mailbox thread (with its messages) exist for staff only when the case does. The subqueries
-- run under case_record's own policies, so "the case is visible" means exactly the rule above.
create policy case_event_staff_role on case_event as restrictive for all
    using (rathaus_scope() <> 'staff' or exists (select 1 from case_record c where c.id = case_id));

create policy case_note_staff_role on case_note as restrictive for all
    using (rathaus_scope() <> 'staff' or exists (select 1 from case_record c where c.id = case_id));

create policy decision_notice_staff_role on decision_notice as restrictive for all
    using (rathaus_scope() <> 'staff' or exists (select 1 from case_record c where c.id = case_id));

create policy mailbox_thread_staff_role on mailbox_thread as restrictive for all
    using (case_id is null or rathaus_scope() <> 'staff'
           or exists (select 1 from case_record c where c.id = case_id));

create policy mailbox_message_staff_role on mailbox_message as restrictive for all
    using (rathaus_scope() <> 'staff'
           or exists (select 1 from mailbox_thread t where t.id = thread_id));
