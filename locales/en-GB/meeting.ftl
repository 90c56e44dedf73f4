# A meeting's page.

# Proposed items, for the secretariat: moving one to a later meeting.
proposal-defer-to = Defer to
# Proposed items, for the secretariat: the reason is sent to the proposer.
proposal-decline-reason = Reason for declining
proposal-decline = Decline
# Scheduling or moving a meeting.
meeting-date = Date
