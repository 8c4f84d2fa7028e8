-- Rathaus schema, version 68 (issue 14): webhook secrets under the municipality's data key, their
-- rotation, and erasure reaching webhook deliveries.
--   * webhook_subscription.secret now holds an envelope, never the secret: "sealed:v1:<file key id>:
--     <data key version>:<nonce>:<ciphertext>" (Base64), AES-256-GCM under a key of its own that is
--     wrapped by the municipality's data key (file_data_key, the same envelope as attachments and
--     notices; associated data = subscription and municipality). Destroying the file key or the
--     municipality's data key (crypto-shredding) makes every copy of the secret unreadable.
--   * Rows written before this version hold the plain secret. SQL cannot seal them (the master key
--     is the portal's, not the database's), so the portal seals every such row when it starts,
--     before its sender's first round (WebhookSecretSealer); until then the sender still signs with
--     them. The check constraint below is NOT VALID: it holds for every row inserted or updated
--     from now on (no new plain secret can be written), and VALIDATE CONSTRAINT succeeds once the
--     portal has sealed the old rows (a later migration makes that permanent).
--   * Rotation: previous_secret (sealed the same way) stays valid until previous_until; deliveries
--     carry both signatures until then (Standard Webhooks allows several "v1," values).
--   * The erasure engine (scope 'retention') deletes the deliveries of an erased case, including
--     the sealed submissions pushed to a destination (V54's content is blanked already).

select set_config('rathaus.scope', 'platform', true);

alter table webhook_subscription alter column secret type varchar(400);
alter table webhook_subscription add column previous_secret varchar(400);
alter table webhook_subscription add column previous_until timestamptz;
alter table webhook_subscription add column secret_rotated_at timestamptz;

alter table webhook_subscription add constraint webhook_subscription_secret_sealed_ck
    check (secret like 'sealed:v1:%' and (previous_secret is null or previous_secret like 'sealed:v1:%'))
    not valid;

-- Read and delete deliveries of erased cases; read subscriptions to find a municipality's rows.
create policy webhook_delivery_retention on webhook_delivery
    using (rathaus_scope() = 'retention') with check (rathaus_scope() = 'retention');

grant delete on webhook_delivery to ${appRole};
