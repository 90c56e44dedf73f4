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

# A paper's page.
paper-crumb = Paper
paper-late = Late
paper-returned-label = Returned
paper-returned = Returned by the secretariat: { $reason }
paper-late-reason = Submitted after the deadline. Reason given: { $reason }
paper-late-approved = The chair approved it: { $note }
paper-late-rejected = The chair rejected it: { $note }
paper-late-waits = It waits for the chair's decision.
paper-before-submit = Before you can submit
paper-edit = Edit the paper
paper-check-submit = Check and submit
paper-cover-sheet = Cover sheet
paper-the-paper = The paper
paper-words = { $count } of { $max } words
paper-reading-ease = Reading ease { $score }
paper-hard = Hard to read
paper-hard-advice = Busy board members read papers on the move. Shorter sentences and everyday words would make this easier to read (a score of 30 or more; plain English scores about 60).
paper-appendices = Appendices
paper-sign-off-heading = Sponsor's sign-off
paper-sign-off = Sign off this paper
paper-late-heading = Late paper: your decision as chair
paper-late-legend = Put it on the agenda?
paper-late-yes = Yes, approve it as urgent
paper-late-no = No, reject it
paper-late-note = Reason for your decision
paper-late-note-hint = Recorded, and shown with the item if it goes on the agenda.
paper-late-button = Record decision
paper-secretariat = Secretariat
paper-waiting = It can be accepted for the agenda once these are done:
paper-accept = Accept for the agenda
paper-return-reason = Return to the author: what should change?
paper-return = Return to author
paper-withdraw-summary = Withdraw this paper
paper-withdraw-reason = Why is it withdrawn?
paper-withdraw = Withdraw

paper-not-given = Not given

# An equality impact assessment's state, on a published paper.
paper-assessment-completed = Completed
paper-assessment-not-needed = Not needed
paper-field-welsh-language = Welsh language impact
paper-welsh-language-hint = The effects of the decision on opportunities for people to use Welsh, and on treating Welsh no less favourably than English. Required on a decision paper.

# The paper form.
edit-title = Write your paper
edit-crumb = Edit
edit-intro = Fill in each section of the cover sheet. Save as often as you like: nothing is sent until you submit.
edit-sections = Sections
edit-details = Item details
edit-title-hint = Say what the board is asked to do, in a few words.
edit-item-for = What is the item for?
edit-choose-organisation = Choose an organisation
edit-choose-presenter = Choose who presents it
edit-sponsor = Sponsor (a chief officer of the presenting organisation)
edit-choose-sponsor = Choose the sponsor
edit-minutes = Minutes needed at the meeting
edit-minutes-hint = Optional. The secretariat decides the final timings.
edit-purpose-summary = Purpose and summary
edit-executive-summary = Executive summary
edit-recommendations-hint = One per line, each one sentence. A decision item needs at least one.
edit-implications = Implications
edit-implications-hint = For each, describe the implications or write "none".
edit-financial = Financial
edit-legal = Legal
edit-risk = Risk
edit-eia = Equality impact assessment
edit-eia-done = Done
edit-eia-not-needed = Not needed
edit-equality = Equality: what it found, or why none is needed
edit-environment = Environment and climate
edit-consultation = Consultation
edit-consulted-hint = Which partners were consulted? A decision item needs at least one partner other than the presenting organisation.
edit-priority-served = Priority served
edit-priority-hint = Which of the body's priorities does this item serve?
edit-none-of-these = None of these
edit-no-priority = If none: why should the board consider it?
edit-body = Body of the paper
edit-exempt-box = This paper contains exempt information and must not be published
edit-not-exempt = Not exempt
edit-why-exempt = Why it is exempt
edit-save-check = Save and check before submitting
edit-save-draft = Save draft
edit-appendices = Appendices
edit-add-appendix = Add an appendix
edit-appendix-hint = PDF, Word (DOCX), Excel (XLSX), CSV, PNG or JPEG, up to 20 MB. Save your changes above first.
edit-upload = Upload
edit-purpose-hint = At most { $limit } words.
edit-summary-hint = At most { $limit } words: what a member must know before the meeting.

edit-body-hint = At most { $limit } words. Use ## for headings, | for tables and [^1] for footnotes.
edit-task-not-started = Not started
edit-task-in-progress = In progress
edit-task-completed = Completed
edit-task-optional = Optional

mine-title = Your papers
mine-late-heading = Late papers waiting for your decision
mine-late-caption = Late papers to decide
mine-paper = Paper
mine-meeting = Meeting
mine-late = Late
mine-none = You have not written any papers.
mine-none-link = Open a meeting from the home page to start one.
mine-caption = Papers you have written
mine-status = Status
mine-next = Next step
mine-papers-due = Papers due { $day }
mine-proposed = Your proposed items
mine-proposed-caption = Items you proposed
mine-item = Item
mine-outcome = Outcome
mine-write = Write the paper

check-title = Check your paper before you submit it
check-crumb = Check
check-problem = There is a problem
check-problem-intro = The paper does not yet meet the briefing requirements. Fix each of these, then submit again. Everything you have written is saved.
check-change = Change the paper
check-now-submit = Now submit your paper
check-next = The secretariat will check it and the sponsor must sign it off before it can go on the agenda.
check-urgent = Why is this paper urgent?
check-urgent-hint = Papers were due { $deadline }. A late paper goes on the agenda only if the chair agrees it is urgent, and the reason is published with it.
check-submit = Submit paper
cover-eia-done = Impact assessment done.
cover-eia-not-needed = Impact assessment not needed.
cover-none = None.
cover-item-type = Item type
cover-equality = Equality
cover-exempt = Exempt

# Your papers: what happens next to a paper in each state.
next-draft = Finish the cover sheet and submit it before papers are due.
next-returned = Make the changes the secretariat asked for, then submit it again.
next-late-waits = Waiting for the chair to decide whether the late paper goes on the agenda.
next-late-rejected = The chair did not agree it is urgent: it will not go on this agenda.
next-sign-off = Waiting for the sponsor to sign it off.
next-secretariat = Waiting for the secretariat to check and accept it.
next-accepted = Accepted: it goes out with the agenda. Nothing to do.
next-published = Published with the agenda. Nothing to do.
next-withdrawn = Withdrawn: nothing to do.
next-none = Nothing to do.
paper-signed-off-on = Signed off by the sponsor on { $when }.
paper-not-signed-off = The sponsor has not signed it off yet.
