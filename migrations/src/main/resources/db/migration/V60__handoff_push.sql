-- Rathaus schema, version 60 (issue 14): push delivery for hand-off destinations. Besides being
-- pulled through the Subscriber API, a specialist procedure may have each sealed submission posted
-- to its endpoint, signed like the municipality's webhooks and sent by the same sender (V59).
--   * webhook_subscription.destination_id: the subscription is a destination's push channel; it
--     gets only the submissions handed to that destination (event submission.handed-off), never
--     the municipality's events, and the municipality's events never go to it.
--   * webhook_push(destination, ...): queues one delivery per active push subscription of the
--     destination, in the submission's (citizen's) transaction — security definer as
--     webhook_enqueue, reading nothing back.

select set_config('rathaus.scope', 'platform', true);

alter table webhook_subscription
    add column destination_id uuid,
    add constraint webhook_subscription_destination_fk
        foreign key (destination_id, municipality_id) references handoff_destination (id, municipality_id);

create index webhook_subscription_destination_idx on webhook_subscription (destination_id)
    where active and destination_id is not null;

create or replace function webhook_enqueue(for_municipality uuid, given_type text, given_payload text,
                                           queued_at timestamptz)
    returns integer
    language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare
    caller_scope text := coalesce(current_setting('rathaus.scope', true), '');
    queued integer;
begin
    perform set_config('rathaus.scope', 'platform', true);
    insert into webhook_delivery (id, municipality_id, subscription_id, event_type, payload,
                                  created_at, next_attempt_at)
    select gen_random_uuid(), s.municipality_id, s.id, given_type, given_payload, queued_at, queued_at
      from webhook_subscription s
     where s.municipality_id = for_municipality
       and s.active
       and s.destination_id is null
       and given_type = any (string_to_array(s.events, ','));
    get diagnostics queued = row_count;
    perform set_config('rathaus.scope', caller_scope, true);
    return queued;
end;
$$;

create function webhook_push(for_destination uuid, given_type text, given_payload text,
                             queued_at timestamptz)
    returns integer
    language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare
    caller_scope text := coalesce(current_setting('rathaus.scope', true), '');
    queued integer;
begin
    perform set_config('rathaus.scope', 'platform', true);
    insert into webhook_delivery (id, municipality_id, subscription_id, event_type, payload,
                                  created_at, next_attempt_at)
    select gen_random_uuid(), s.municipality_id, s.id, given_type, given_payload, queued_at, queued_at
      from webhook_subscription s
     where s.destination_id = for_destination
       and s.active;
    get diagnostics queued = row_count;
    perform set_config('rathaus.scope', caller_scope, true);
    return queued;
end;
$$;

revoke all on function webhook_push(uuid, text, text, timestamptz) from public;
grant execute on function webhook_push(uuid, text, text, timestamptz) to ${appRole};
