# A paper's page and its edit page.

# The history table on a paper's page.
paper-history = Versions
paper-history-hint = A version is kept when the paper is submitted, returned or resubmitted, and when its author saves one. Saving a draft does not add a version.
paper-history-version = Version
paper-history-status = Status
paper-history-changed-heading = What changed
paper-history-saved-by = Saved by
paper-history-when = When
paper-history-first = First version
paper-history-unchanged = No change to the paper
# $parts lists the parts of the cover sheet and paper that changed: "Summary, Recommendations".
paper-history-changed = { $parts }
# The third button under the edit form.
paper-save-version = Save a version

# The parts of a paper, as the history names them.
paper-field-title = Title
paper-field-item-type = What the board is asked to do
paper-field-presenting-organisation = Presenting organisation
paper-field-presenter = Presenter
paper-field-sponsor = Sponsor
paper-field-purpose = Purpose
paper-field-summary = Summary
paper-field-recommendations = Recommendations
paper-field-financial = Financial implications
paper-field-legal = Legal implications
paper-field-risk = Risk implications
paper-field-equality = Equality implications
paper-field-equality-assessment = Equality impact assessment
paper-field-environment = Environmental implications
paper-field-consulted = Partners consulted
paper-field-priority = Priority
paper-field-body = The paper
paper-field-exempt = Exempt information
paper-field-minutes = Minutes needed

# The presenter and sponsor lists: after the presenting organisation's people.
paper-people-others = Other organisations

# A published paper's page, once the meeting has decided on it.
paper-decided = Decided at the meeting
paper-decided-due = due
paper-decided-meeting = All the decisions of this meeting
