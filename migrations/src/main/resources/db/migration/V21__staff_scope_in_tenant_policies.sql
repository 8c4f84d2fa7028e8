-- Defence in depth: the tenant policies of V3, V6, V9, V12 and V16 let anyone whose transaction
-- names a municipality (rathaus.municipality) read and write its rows, whatever the scope. The
-- portal sets the municipality for staff only, so nothing leaked; but a citizen or anonymous
-- transaction that set it by mistake would have seen the whole municipality. Staff access now
-- requires the staff scope as well, as V7, V10, V11 and V13 already do. Every other policy on these
-- tables (citizens' own rows, the public catalogue, the platform) stays as it was; ALTER POLICY
-- keeps each policy's command and roles.

alter policy service_definition_tenant on service_definition
    using (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()))
    with check (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()));

alter policy service_version_tenant on service_version
    using (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()))
    with check (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()));

alter policy application_reference_counter_tenant on application_reference_counter
    using (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()))
    with check (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()));

alter policy case_application_tenant on case_application
    using (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()))
    with check (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()));

alter policy case_record_tenant on case_record
    using (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()))
    with check (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()));

alter policy notification_outbox_tenant on notification_outbox
    using (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()))
    with check (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()));

alter policy case_event_tenant on case_event
    using (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()))
    with check (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()));

alter policy case_note_tenant on case_note
    using (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()))
    with check (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()));

alter policy case_staff_tenant on case_staff
    using (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()))
    with check (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()));

alter policy payment_request_tenant on payment_request
    using (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()))
    with check (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()));

alter policy payment_event_tenant on payment_event
    using (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()))
    with check (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()));

alter policy payment_refund_tenant on payment_refund
    using (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()))
    with check (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()));

-- A select-only policy: no WITH CHECK.
alter policy case_status_count_tenant on case_status_count
    using (rathaus_scope() = 'platform' or (rathaus_scope() = 'staff' and municipality_id = rathaus_municipality()));
