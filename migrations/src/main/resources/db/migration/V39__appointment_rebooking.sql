-- Rathaus schema, version 39 (issue 17): moving an appointment to another time, and the
-- appointment that is a service's last step.
--   * status MOVED: an appointment that was moved to another time through its link; the new
--     appointment is a row of its own (new link), the old row says where it went (moved_to);
--   * appointment_rebook(): takes the new time and releases the old one in one statement of the
--     caller's transaction, under the exclusion constraint of V27: if no counter is free at the new
--     time, the old appointment stays exactly as it was;
--   * one live appointment per case (a citizen books the pickup of her application once; moving it
--     keeps the case).

select set_config('rathaus.scope', 'platform', true);

alter table appointment drop constraint appointment_status_ck;
alter table appointment add constraint appointment_status_ck
    check (status in ('HELD', 'BOOKED', 'CANCELLED', 'EXPIRED', 'NO_SHOW', 'MOVED'));
alter table appointment add column moved_to uuid references appointment (id);

create unique index appointment_one_per_case_uk on appointment (case_id)
    where case_id is not null and status in ('HELD', 'BOOKED');

-- Moves the booked future appointment named by the link's secret to [p_start, p_end) of the first
-- counter in p_counters that is free then. Returns the new appointment (with the address and the
-- subject, for its confirmation mail), or no row when the link names no movable appointment or no
-- counter is free: then nothing has changed. The old row is released first (so a move by a few
-- minutes on the same counter does not collide with itself), and put back if no insert succeeds.
create function appointment_rebook(p_token_hash text, p_counters uuid[], p_start timestamptz,
                                   p_end timestamptz, p_new_id uuid, p_new_token_hash text)
    returns table (id uuid, old_id uuid, municipality_id uuid, counter_id uuid, email varchar,
                   citizen_subject varchar, case_id uuid)
    language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare
    caller_scope text := coalesce(current_setting('rathaus.scope', true), '');
    old          appointment%rowtype;
    counter      uuid;
    written      integer;
begin
    perform set_config('rathaus.scope', 'platform', true);
    select * into old from appointment a
     where a.token_hash = p_token_hash and a.status = 'BOOKED' and a.starts_at > now()
       for update;
    if found then
        update appointment a set status = 'MOVED', cancelled_at = now() where a.id = old.id;
        foreach counter in array p_counters loop
            insert into appointment (id, municipality_id, type_id, counter_id, starts_at, ends_at, status,
                                     citizen_subject, email, case_id, token_hash, created_at, confirmed_at)
            values (p_new_id, old.municipality_id, old.type_id, counter, p_start, p_end, 'BOOKED',
                    old.citizen_subject, old.email, old.case_id, p_new_token_hash, now(), now())
            on conflict do nothing;
            get diagnostics written = row_count;
            if written = 1 then
                update appointment a set moved_to = p_new_id where a.id = old.id;
                perform set_config('rathaus.scope', caller_scope, true);
                return query select p_new_id, old.id, old.municipality_id, counter, old.email,
                                    old.citizen_subject, old.case_id;
                return;
            end if;
        end loop;
        -- No counter free at the new time: the old appointment holds again, as if nothing happened.
        update appointment a set status = 'BOOKED', cancelled_at = null where a.id = old.id;
    end if;
    perform set_config('rathaus.scope', caller_scope, true);
end;
$$;

revoke all on function appointment_rebook(text, uuid[], timestamptz, timestamptz, uuid, text) from public;
grant execute on function appointment_rebook(text, uuid[], timestamptz, timestamptz, uuid, text) to ${appRole};
