-- Rathaus schema, version 14: indexes for the payment status poll and expiry (issue 6). The poll
-- asks the provider about hosted payments PENDING for a while; the expiry job closes payable
-- requests past their due date. Both look only at the few unsettled rows, so partial indexes keep
-- them cheap however many paid requests pile up.
create index payment_request_pending_idx on payment_request (updated_at)
    where state = 'PENDING' and method = 'HOSTED_PAGE';
create index payment_request_payable_due_idx on payment_request (due_date)
    where state in ('OPEN', 'PENDING', 'FAILED');
