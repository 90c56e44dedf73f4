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

# The meeting page, for everyone.
meeting-title = Meeting on { $date }
meeting-cancelled = Cancelled
meeting-when = When
meeting-where = Where
meeting-timeline = Timeline
meeting-passed = Passed
meeting-agenda = Agenda
meeting-agenda-due = The agenda will be published by { $day }.
meeting-draft-caption = Draft agenda: not yet published, and it may change
meeting-version = Version { $n }, published { $when }.
meeting-agenda-page = Agenda page
meeting-briefing = Members' briefing
meeting-members-pack = Members' pack, with confidential papers (PDF)
meeting-public-pack = Public board pack (PDF)
meeting-print-pack = Print-friendly pack
meeting-published-late = Published late
meeting-build-agenda = Build the agenda
meeting-record = Record the meeting
meeting-minutes = Minutes
meeting-decisions = Decisions taken
meeting-no-decisions = No decisions have been recorded for this meeting.
meeting-actions-arising = Actions arising:
meeting-action-due = due { $day }
meeting-papers = Papers
meeting-no-papers = No papers you can see yet.
meeting-papers-caption = Papers for this meeting
meeting-paper-title = Title
meeting-paper-status = Status
meeting-late = Late
meeting-exempt = Exempt – category { $category }
meeting-proposed = Proposed items
meeting-proposed-caption = Items proposed for this meeting
meeting-proposed-item = Item
meeting-proposed-outcome = Outcome
meeting-proposed-paper = Paper
meeting-accept = Accept
meeting-defer = Defer
# Proposing an item, for a partner.
propose-heading = Propose an item
propose-intro = Tell the secretariat what you want the board to consider. If they accept it, a draft paper is started for you.
propose-title = Item title
propose-type = What is it for?
propose-organisation = Presenting organisation
propose-choose-organisation = Choose an organisation
propose-priority = Priority served
propose-no-priority = None of these
propose-why = If none: why should the board consider it?
propose-minutes = Minutes needed (estimate)
propose-minutes-hint = A number, like 15.
propose-button = Propose the item
# Starting a paper, for an author.
write-heading = Write a paper for this meeting
write-title = Title of the paper
write-title-hint = You can change it later. Nothing is sent until you submit the paper.
write-button = Start the paper
# Moving or cancelling the meeting, for the secretariat.
change-heading = Change the meeting
change-intro = Authors of papers for this meeting are told by email when it moves.
change-start = Starts at (London time)
change-start-hint = 24-hour clock, for example 14:00.
change-end = Ends at (London time)
change-end-hint = 24-hour clock, for example 16:30.
change-where = Where
change-button = Save changes
cancel-heading = Cancel the meeting
cancel-confirm-title = Cancel the meeting on { $date }?
cancel-confirm-text = Authors of its papers are told by email, and the meeting page says it is cancelled because: “{ $reason }”.
cancel-cannot-undo = This cannot be undone.
cancel-yes = Yes, cancel the meeting
cancel-no = No, keep the meeting
cancel-reason = Reason for cancelling
cancel-reason-hint = Shown to authors and on the meeting page.
cancel-button = Cancel the meeting

# The agenda table: on the meeting page and each published version.
agenda-no = No.
agenda-item = Item
agenda-minutes = Minutes
agenda-restricted-item = item { $n }
agenda-log-caption = Open actions, and those closed since the last meeting
agenda-log-action = Action
agenda-log-owner = Owner
agenda-log-due = Due
agenda-log-status = Status
agenda-log-latest = Latest:

# What the board is asked to do with an item.
item-type-decision = For decision
item-type-discussion = For discussion
item-type-information = For information
# A paper's status.
paper-status-draft = Draft
paper-status-submitted = Submitted
paper-status-accepted = Accepted
paper-status-published = Published
paper-status-returned = Returned
paper-status-withdrawn = Withdrawn
# Tags and headings on the agenda.
agenda-heading-to-note = For information — to note without discussion
agenda-heading-part2 = Part 2: not open to the press and public
agenda-tag-late = Late
agenda-tag-supplement = Supplement: { $text }
agenda-tag-exempt = Exempt – { $what }
agenda-verbal = Verbal report: { $reason }
# A meeting's time: "Tuesday 20 October 2026 at 14:00 to 16:30".
meeting-time-range = { $start } to { $end }

# A published agenda version.
version-title = Agenda – { $date }
version-crumb = Agenda version { $n }
version-label = Version
version-published = { $n }, published { $when }
version-superseded = Superseded
version-see-latest = See version { $n }
version-supplement = Supplement
version-changed = What changed from version { $n }
version-print-members-pack = Print-friendly members' pack
version-pack = Board pack (PDF)
version-calendar = Add the body's meetings to your calendar
version-versions = Versions
version-n = Version { $n }
version-this-one = (this one)
# A published paper.
frozen-agenda-crumb = Agenda, { $date }
frozen-item = Item { $n }
frozen-caption-item = item { $n }
frozen-download = Download this paper (PDF)
frozen-for = For
frozen-sponsor = Sponsor
frozen-purpose = Purpose
frozen-summary = Summary
frozen-recommendations = Recommendations
frozen-consulted = Partners consulted
frozen-priority = Priority served
frozen-length = Length
frozen-words = { $count } words
frozen-appendices = Appendices

# The minutes page, for everyone.
minutes-title = Minutes
minutes-not-yet = The minutes are published once the next meeting approves them.
minutes-part2 = Part 2: exempt items (members only)

minutes-status-draft = Draft: not yet circulated
minutes-status-circulated = Draft: circulated to members, to be approved at the next meeting
minutes-status-approved = Approved
minutes-status-approved-at = Approved { $when }

# The title an exempt item has in public: "Exempt item – category 3: Information relating to …".
agenda-exempt-item = Exempt item – { $what }: { $paragraph }
meeting-step-proposals = Items proposed by
meeting-step-papers = Papers due
meeting-step-translations = Translations due
meeting-step-publication = Agenda published by
meeting-step-meeting = Meeting

# Checking and publishing the agenda.
publish-title = Check and publish
publish-back = Back to the agenda
publish-heading = Check and publish the agenda
publish-heading-supplement = Check and publish supplement { $number }
publish-blocked = It cannot be published yet:
publish-translations = Each paper's author or the secretariat writes its Welsh on its Welsh version page; if the business cannot wait, the chair may record why.
publish-worth-checking = Worth checking:
publish-caption = The agenda as it will be published (version { $number })
publish-late = Why is the agenda late?
publish-supplement = What does this supplement add or replace, and why?
publish-supplement-hint = Shown on the agenda and in the email to members.
publish-goes-to = It goes to { $count } members and substitutes by email, with a calendar invitation, and appears on the public meeting page without exempt items.
publish-button = Publish the agenda
publish-button-supplement = Publish the supplement
preflight-item = Item { $number } "{ $title }"
preflight-paper-missing = { $item } has no paper: attach an accepted paper or make it a verbal report with a reason.
preflight-late-undecided = { $item } is a late paper waiting for the chair's decision.
preflight-late-rejected = { $item }: the chair rejected the late paper; remove the item or defer it.
preflight-draft = { $item }: the paper is still a draft, not accepted.
preflight-submitted = { $item }: the paper is submitted but not yet accepted.
preflight-returned = { $item }: the paper was returned to its author and is not accepted.
preflight-withdrawn = { $item }: the paper was withdrawn.
preflight-other = { $item }: the paper is { $status }, not accepted.
preflight-briefing = { $item } fails the briefing requirements: { $problems }.
minutes-confirm-redraft-title = Replace the minutes with a new draft?
minutes-confirm-redraft-text = A new draft is made from the meeting record (attendance, declarations, notes, decisions and actions). It replaces the text below, including any edits you have made.
minutes-confirm-approve-title = Approve and publish these minutes?
minutes-confirm-approve-text = Only do this once the next meeting has agreed them. Approved minutes are frozen: they cannot be changed afterwards, and the open part is published.
minutes-confirm-redraft-yes = Yes, replace my text with a new draft
minutes-confirm-approve-yes = Yes, approve and publish the minutes
minutes-confirm-no = No, keep editing
minutes-edit-heading = Edit the minutes
minutes-edit-open = Minutes (Markdown)
minutes-edit-part2 = Part 2: exempt items (never published)
minutes-save = Save the minutes
minutes-redraft = Redraft from the meeting record
minutes-circulate = Circulate the draft to members
minutes-approve = Approved at the next meeting: freeze and publish
minutes-changed = Someone else saved the minutes while you were editing. Your text is kept below: compare it with the published page and save again.
standard-apologies = Apologies and substitutions
standard-declarations = Declarations of interest
standard-minutes = Minutes of the previous meeting
standard-action-log = Action log
standard-next-meeting = Date of next meeting
standard-exclusion = Exclusion of the press and public
meeting-calendar-note = Quorate has no bank holidays for that year yet, so these dates count only weekends. An administrator can import an up-to-date calendar.
