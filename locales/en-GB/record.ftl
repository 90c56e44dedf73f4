# The meeting record: attendance, kept by the secretariat during the meeting.

attendance-caption = Attendance
attendance-member = Member
# Hidden heading of each person's choices, read by screen readers: "Attendance of Cllr Priya Shah".
attendance-of = Attendance of
attendance-present = Present
attendance-apologies = Apologies
attendance-absent = Absent
# For a substitute or officer: the voting member they stand in for.
attendance-substituting-for = Substituting for
attendance-nobody = Nobody
# The one button under the attendance table: saves everyone at once.
attendance-remote = Attending remotely
attendance-save = Save attendance
# The due date of an action recorded on an item.
action-due = Due
# On an action's page: its due date, which may be moved with a reason.
action-due-date = Due date (changing it needs a reason)

# Correcting or withdrawing a recorded decision, before the minutes are approved.
decision-fix-summary = Correct or withdraw
decision-fix-text = Corrected resolution
decision-fix-reason = Why it is corrected
decision-fix-button = Correct the decision
decision-withdraw-reason = Why it is withdrawn
decision-withdraw-button = Withdraw the decision
decision-withdrawn = Withdrawn
action-which = item { $item }, action { $n }
action-fix-summary = Correct or withdraw
action-fix-description = What is to be done
action-fix-owner = Owner
action-fix-choose = Choose a person
action-fix-due = Due date
action-fix-reason = Why it is corrected
action-fix-button = Correct the action
action-withdraw-reason = Why it is withdrawn
action-withdraw-button = Withdraw the action

declaration-left-room = Left the room for this item (not counted towards its quorum)
declaration-left-note = {" "}(left the room for this item)

# Arrivals and departures during the meeting, per item.
movement-heading = Arrivals and departures
movement-who = Who
movement-what = What happened
movement-arrives = Arrived in time for this item
movement-leaves = Left before this item
movement-button = Record the arrival or departure
movement-choose = Choose someone recorded present
movement-arrived = { $name } arrived in time for this item
movement-left = { $name } left before this item
movement-remove = Remove
# In the draft minutes and the decision note, at the top of an item.
minutes-arrived = Arrived: { $names }.
minutes-left = Left the meeting: { $names }.

# A vote on a decision, recorded with it.
vote-legend = Vote, if one was taken
vote-hint-count = Leave these empty if the decision was agreed without a vote. The chair's casting vote counts among those for.
vote-hint-name = Leave everyone at "did not vote" if the decision was agreed without a vote.
vote-for = For
vote-against = Against
vote-abstain = Abstentions
vote-of = Vote of
vote-none = Did not vote
vote-choice-for = For
vote-choice-against = Against
vote-choice-abstain = Abstain
# Under a resolution recorded by name.
vote-names-for = For: { $names }.
vote-names-against = Against: { $names }.
vote-names-abstain = Abstained: { $names }.

# The rapid decision note (not yet approved minutes).
note-substituting = , substituting for { $name }
note-remotely = , remotely
note-item = Item { $n }: { $title }
note-item-confidential = Item { $n } (confidential)
note-arrived = { $name } arrived in time for item { $n }
note-left = { $name } left before item { $n }
note-title = Decision note
note-not-approved = Not yet approved minutes. This note is drawn from the meeting record; the minutes, once approved at the next meeting, are the formal record.
note-due = Due by { $day }.
note-published = Published { $when } by { $who }.
note-preview = Preview: not published yet. Only the secretariat can see it.
note-publish-button = Publish the decision note
note-present = Present
note-apologies = Apologies
note-absent = Absent
note-movements = Arrivals and departures
note-declarations = Declarations of interest
note-declaration-left = (left the room for the item)
note-decisions = Decisions
note-no-decisions = No decisions were recorded.
note-withheld = { $n ->
    [one] 1 decision on a confidential item is not shown.
   *[other] { $n } decisions on confidential items are not shown.
}
note-none-recorded = Not recorded.
note-link = Decision note (not yet approved minutes)
# Followed by the day it falls due.
note-link-due = Decision note: due by
# A tick box under "What happened": an arrival by video or phone.
movement-remote = Arrived remotely (for an arrival)
movement-arrived-remotely = { $name } arrived remotely in time for this item
record-title = Meeting record
record-breadcrumb = Record
record-quorate = Quorate
record-not-quorate = Not quorate
record-attendance = Attendance
record-items = Items
record-exempt = Exempt
record-late-paper = Late paper: { $reason }
record-declarations = Declarations:
record-decisions = Decisions:
record-actions = Actions:
record-action-line = { $description } – { $owner }, due { $due }
record-on-item = Record on item { $number }
record-notes = Notes
record-save-notes = Save notes
record-declaration-by = Declaration by
record-choose-person = Choose a person
record-interest = Interest declared
record-declaration-button = Record the declaration
record-decision = Decision (resolution)
record-decision-button = Record the decision
record-action = Action arising
record-carries-out = Carries out decision
record-no-decision = None (arises from the item)
record-owner = Owner
record-action-button = Record the action
