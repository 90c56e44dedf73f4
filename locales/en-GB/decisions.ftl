# The decisions register's filters.

register-dates-hint = Dates as day, month and year, for example 1/9/2027 or 1 Sept 2027.
register-dates = Enter the dates as day, month and year, for example 1/9/2027.
# Under a decision on the meeting page and the paper page: interests declared on its item.
decision-declarations = Interests declared on this item:

# An action's status and how it is going.
action-status-open = Open
action-status-in-progress = In progress
action-status-done = Done
action-status-dropped = Dropped
rag-green = On track
rag-amber = Due soon
rag-red = Overdue
rag-closed = Closed

# The decisions register (/decisions).
register-title = Decisions register
register-crumb = Decisions
register-body = Body
register-all-bodies = All bodies
register-priority = Priority
register-any = Any
register-from = From
register-to = To
register-words = Words
register-search = Search
register-none = No decisions match.
register-truncated = Showing the newest { $count }; narrow the search (body, dates, words) to see older decisions.
register-caption = Decisions
register-reference = Reference
register-decision = Decision
register-meeting = Meeting
register-actions = Actions
register-no-action = No action recorded
register-actions-recorded = Actions recorded
tracker-title = Actions tracker
tracker-breadcrumb = Actions
tracker-body = Body
tracker-all-bodies = All you can see
tracker-owner = Owner
tracker-anyone = Anyone
tracker-organisation = Organisation
tracker-any = Any
tracker-status = Status
tracker-within = Due within (days)
tracker-overdue = Overdue only
tracker-filter = Filter
tracker-none = No actions match.
tracker-caption = Actions
tracker-truncated = Showing the first 500; narrow the filters to see the rest.
action-title = Action
action-meeting = Meeting
action-owner = Owner
action-owner-line = { $owner }, { $organisation }
action-status = Status
action-carries-out = Carries out
action-dropped-why = Why it was dropped
action-history = History
action-update = Update the action
action-note = Progress note
action-leave = Leave as it is
action-reason = Reason (for a new due date, or for dropping it)
action-save = Save
my-actions-title = Your actions
my-actions-none = You have no open actions.
my-actions-open = Your open actions
my-actions-closed-heading = Closed
my-actions-closed = Your closed actions
action-rows-action = Action
action-rows-latest = Latest: { $note }
action-history-created = Action created
action-history-due = Due date changed from { $from } to { $to }: { $reason }
action-history-status = Status: { $status }
action-history-status-note = Status: { $status } ({ $note })
action-changed = Someone else updated this action while you were writing: check the history, then save again.
import-title = Import an action log
import-breadcrumb = Import actions
import-problems = { $count ->
    [one] 1 problem in the file
   *[other] { $count } problems in the file
}
import-intro = Upload your spreadsheet as CSV in UTF-8 (in Excel: CSV UTF-8 (comma delimited)) with a header row. Nothing is imported unless every row is valid, unless you choose to skip the rows with problems.
import-file = The CSV file
import-headings = Your column headings
import-headings-hint = Leave a box empty if your heading is one of the usual names (shown).
import-optional = (optional)
import-skip = Import the valid rows and skip the others
import-button = Import
import-file-required = Choose the CSV file to import.
