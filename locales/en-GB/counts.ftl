# Sentences with numbers in them. Each number chooses its own plural form.

# The follow-through page of a body, under its heading.
follow-summary = { $total ->
    [one] 1 action
   *[other] { $total } actions
}: { $done } done ({ $on_time } on time), { $overdue } overdue.
follow-summary-none = No actions recorded yet.
# An organisation's follow-through page, under its heading.
org-follow-summary = { $total ->
    [one] 1 action
   *[other] { $total } actions
} owned across { $bodies ->
    [one] 1 body
   *[other] { $bodies } bodies
}; { $overdue } overdue.
org-follow-summary-none = No actions owned yet.
# After an action log is uploaded.
actions-imported = Imported { $imported ->
    [one] 1 action
   *[other] { $imported } actions
} ({ $skipped ->
    [one] 1 row
   *[other] { $skipped } rows
} skipped).
actions-imported-none = Nothing was imported.
# `quorate import-actions`, when it has finished.
cli-actions-imported = Imported { $imported ->
    [one] 1 action
   *[other] { $imported } actions
} ({ $skipped ->
    [one] 1 row
   *[other] { $skipped } rows
} skipped) in { $seconds } s ({ $rate } rows a second).
# The record sheet, under "Attendance".
record-quorum = { $present } of { $members ->
    [one] 1 member
   *[other] { $members } members
} present or substituted; the quorum is { $needed }.
# An item's own quorum on the record sheet, when someone left the room for it.
record-item-quorate = For this item: { $present } present without those not in the room for it; the quorum of { $needed } is met.
record-item-not-quorate = For this item: { $present } present without those not in the room for it; the quorum is { $needed }, so it cannot decide.
# The draft minutes and the decision note, under an item whose quorum differs from the meeting's.
minutes-item-quorate = Quorate for this item: { $present } present, { $needed } needed.
minutes-item-not-quorate = Not quorate for this item: { $present } present, { $needed } needed.
# A vote on a decision, under the resolution.
vote-outcome = Carried: { $for } for, { $against } against, { $abstain ->
    [one] 1 abstention
   *[other] { $abstain } abstentions
}.
# The opening of the draft minutes, after the attendance.
minutes-quorate = The meeting was quorate ({ $present } of { $members ->
    [one] 1 member
   *[other] { $members } members
}; quorum { $needed }).
minutes-not-quorate = The meeting was not quorate ({ $present } of { $members ->
    [one] 1 member
   *[other] { $members } members
}; quorum { $needed }).
follow-title = Follow-through
follow-decisions-line = { $decisions } decisions recorded; { $without } with no action.
follow-on-time-heading = Actions done on time, by organisation
follow-chart-desc = Bar chart; the same figures are in the table below.
follow-by-organisation = Follow-through by organisation
follow-col-organisation = Organisation
follow-col-actions = Actions
follow-col-on-time = Done on time
follow-col-late = Done late
follow-col-overdue = Overdue
follow-col-median = Median days late
follow-col-percent = On time
follow-ageing-heading = Overdue actions by how late they are
follow-ageing-caption = Overdue actions by age
follow-col-overdue-for = Overdue for
follow-download-actions = Download the actions (CSV)
follow-download-decisions = Download the decisions (CSV)
follow-on-time-by-body = Actions done on time, by body
follow-by-body = Follow-through by body
follow-col-body = Body
follow-band-2w = Up to 2 weeks
follow-band-4w = 2 to 4 weeks
follow-band-3m = 1 to 3 months
follow-band-over = Over 3 months
follow-confidential-actions = { $count ->
    [one] 1 confidential action
   *[other] { $count } confidential actions
}
follow-confidential-decisions = { $count ->
    [one] 1 confidential decision
   *[other] { $count } confidential decisions
}
follow-confidential-both = { $actions } and { $decisions }
follow-confidential-note = These figures include { $parts }, counted here but not published.
