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
