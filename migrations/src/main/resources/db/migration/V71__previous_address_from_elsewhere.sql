-- Rathaus schema (issue 13): an Anmeldung (moving in from elsewhere) records the previous address in
-- the new resident's history, as the Meldeschein asks for it (§ 23 BMG, "letzte frühere
-- Wohnung"). The register knows when that residence ended (the day before the moving-in date) but
-- not since when it existed: a past address may have no moving-in date; a current one always has.

alter table resident_address alter column moved_in drop not null;
alter table resident_address add constraint resident_address_moved_in_ck
    check (moved_in is not null or moved_out is not null);
