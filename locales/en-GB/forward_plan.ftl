# A body's forward plan.

plan-title = Forward plan
plan-home = Home
plan-link = Forward plan: what the next meetings will discuss
plan-lead = What the next meetings will consider: the items proposed and accepted, who presents them and the priority each serves.
plan-key-why = A key decision is announced here at least 28 clear days before the meeting that takes it.
plan-ics = Subscribe to the forward plan (iCalendar)
plan-json = The forward plan as data (JSON)
plan-no-meetings = No meetings are planned yet.
plan-no-items = No items proposed yet.
plan-papers-due = Papers due
plan-key = Key decision
plan-notice-by = Notice due by
plan-short-notice = Short notice
plan-confidential = Confidential item (Schedule 12A paragraph { $paragraph })
plan-status-proposed = Proposed, awaiting the secretariat
plan-status-accepted = Accepted
plan-type-decision = For decision
plan-type-discussion = For discussion
plan-type-information = For information
plan-paper-awaiting_acceptance = Paper not yet started
plan-paper-due = Paper being written
plan-paper-missing = Paper missing: the deadline has passed
plan-paper-received = Paper received
plan-paper-published = Paper published
