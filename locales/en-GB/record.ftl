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
