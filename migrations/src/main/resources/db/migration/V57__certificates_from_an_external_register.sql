-- Rathaus schema (issue 13): a certificate of residence may be made from an external register
-- service (the HTTP adapter of the ResidentRegister port, RATHAUS_REGISTER_URL). Its person has no
-- row in the built-in register, so resident_certificate.resident_id no longer references
-- resident: it is the person's id in the register the certificate was made from (the built-in
-- one or the external service). The certificate keeps the PDF as issued either way.

select set_config('rathaus.scope', 'platform', true);

do $$
declare
    fk name;
begin
    for fk in select conname from pg_constraint
               where conrelid = 'resident_certificate'::regclass and contype = 'f'
                 and confrelid = 'resident'::regclass loop
        execute format('alter table resident_certificate drop constraint %I', fk);
    end loop;
end;
$$;

comment on column resident_certificate.resident_id is
    'the person''s id in the register the certificate was made from (built-in or external service); no foreign key since V57';
