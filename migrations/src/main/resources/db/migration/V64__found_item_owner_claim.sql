-- Rathaus schema, version 64 (issue 13, lost-property office): the owner's claim.
--   * A clerk confirmed a loss report as the owner's (V42, found_item_claim). The owner now answers
--     in the portal: a description that proves the item is hers (proof_text, e.g. what is inside
--     the wallet); a file can follow through the case's mailbox thread (attachment pipeline).
--   * A municipality may charge a fee for handing an item back (lost_property_claim_fee_cents on
--     the municipality; null or 0: none). The fee is a payment request of the loss report's
--     application (existing payments: V12), opened when the clerk confirms; its id is kept here.
--   * The clerk records the handover appointment (handover_at); the hand-over itself moves the
--     item to HANDED_OVER (V42) and is noted with who did it.
--   * The owner (the citizen whose loss report it is) reads her claim and the item it names; the
--     municipality's staff and the platform everything, as before.

select set_config('rathaus.scope', 'platform', true);

alter table municipality add column lost_property_claim_fee_cents integer
    constraint municipality_lost_property_fee_ck check (lost_property_claim_fee_cents is null
        or lost_property_claim_fee_cents between 0 and 100000);

alter table found_item_claim
    add column proof_text          varchar(2000),
    add column proof_submitted_at  timestamptz,
    add column fee_cents           integer not null default 0,
    add column payment_request_id  uuid references payment_request (id),
    add column handover_at         timestamptz,
    add column handover_place      varchar(200),
    add column handed_over_by      varchar(255),
    add constraint found_item_claim_fee_ck check (fee_cents >= 0),
    add constraint found_item_claim_proof_ck check (proof_text is null or length(trim(proof_text)) >= 3);

create policy found_item_claim_owner on found_item_claim
    using (rathaus_scope() = 'citizen'
           and exists (select 1 from case_record c where c.id = found_item_claim.case_id
                       and c.applicant_subject = rathaus_subject()))
    with check (rathaus_scope() = 'citizen'
           and exists (select 1 from case_record c where c.id = found_item_claim.case_id
                       and c.applicant_subject = rathaus_subject()));
-- The owner may see the item she claims (category, description, where it is kept) in any status.
create policy found_item_owner on found_item for select
    using (rathaus_scope() = 'citizen'
           and exists (select 1 from found_item_claim m join case_record c on c.id = m.case_id
                       where m.found_item_id = found_item.id and c.applicant_subject = rathaus_subject()));

-- Which is the owner's to write (the proof) and which staff's is the application's rule
-- (LostPropertyClaims); the rows are the policies'. Nobody changes which item or case a claim joins.
revoke update on found_item_claim from ${appRole};
grant update (proof_text, proof_submitted_at, payment_request_id, fee_cents, handover_at, handover_place,
              handed_over_by) on found_item_claim to ${appRole};

-- Demo: Musterstadt charges 10 € for handing back found property.
update municipality set lost_property_claim_fee_cents = 1000
    where id = '7b0e4a52-3c1d-4f7e-9a55-0d6a0b1c0001';
