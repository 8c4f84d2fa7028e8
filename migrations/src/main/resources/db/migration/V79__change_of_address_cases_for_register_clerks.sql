-- A change of address (Ummeldung / Anmeldung) is approved only by the registration office (role
-- register-clerk, checked by MoveDesk), but its case was open to every clerk: a clerk without the
-- role could claim it and then only reject it. The case now opens reserved for register-clerk
-- (eu.rathaus.registers.residents.application.RegisterRouting), like a data protection request
-- (V65): staff without the role neither see, count nor claim it. The policies of V65 and V74 are
-- unchanged; they now also apply to this role.

-- The backfill reads and writes tenant rows as the owner (policies are forced): platform scope,
-- for this transaction only.
select set_config('rathaus.scope', 'platform', true);

alter table case_record drop constraint case_record_staff_role_known;
alter table case_record add constraint case_record_staff_role_known
    check (staff_role in ('data-protection', 'register-clerk'));

-- Cases filed before: reserved as well (the count trigger of V74 moves their counts along).
update case_record c
   set staff_role = 'register-clerk'
  from service_definition d
 where d.id = c.definition_id
   and d.service_key = 'demo.wohnsitz-ummelden'
   and c.staff_role is null;
