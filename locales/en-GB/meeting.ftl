# A meeting's page.

# Proposed items, for the secretariat: moving one to a later meeting.
proposal-defer-to = Defer to
# Proposed items, for the secretariat: the reason is sent to the proposer.
proposal-decline-reason = Reason for declining
proposal-decline = Decline
# Scheduling or moving a meeting.
meeting-date = Date
# A key decision, on a proposal and on a paper's cover sheet.
key-decision-label = This is a key decision
key-decision-hint = A key decision is announced in the body's forward plan at least 28 clear days before the meeting.
proposal-exempt-label = Confidential (optional)
proposal-exempt-hint = If the item will be exempt under Schedule 12A, choose the paragraph: the forward plan then shows only that.
proposal-exempt-none = Not confidential

# How to attend a meeting remotely (required in Wales before the agenda is published).
meeting-remote-access = How to attend remotely
meeting-remote-access-hint = A link and instructions for members and the public. Under Welsh rules the agenda cannot be published without them.
