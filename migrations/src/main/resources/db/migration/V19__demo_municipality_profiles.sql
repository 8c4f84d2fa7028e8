-- Rathaus schema, version 19 (issue 18): the two demo municipalities that V1 creates (fixed ids) get
-- what V18's readiness list asks for beyond their V11 letterhead and V12 payee account — a data
-- protection officer and opening hours — so they start "eingerichtet". Only rows that do not exist
-- yet: what an administrator entered stays theirs.
select set_config('rathaus.scope', 'platform', true);

insert into municipality_profile (municipality_id, dpo_name, dpo_contact, opening_hours)
values
    ('7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001', 'Datenschutzbeauftragte der Stadt Musterstadt',
     'datenschutz@musterstadt.de, Marktplatz 1, 91099 Musterstadt',
     E'Mo–Fr 8–12 Uhr\nDo 14–18 Uhr'),
    ('7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0002', 'Datenschutzbeauftragter der Gemeinde Beispielheim',
     'datenschutz@beispielheim.de, Rathausstraße 5, 72099 Beispielheim',
     E'Mo, Di, Fr 8–12 Uhr\nDo 14–18:30 Uhr')
on conflict (municipality_id) do nothing;
