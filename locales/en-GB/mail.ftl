# The mail page: what Quorate has sent, is sending and could not send.

mail-title = Mail
mail-home = Home
mail-admin = Admin
mail-intro = Every message Quorate has queued, newest first: whether it has gone, is waiting, or failed and why. A failed message can be sent again; a waiting one can be cancelled.
mail-masked = Addresses are shortened here; a site administrator sees them in full.
mail-filter = Show
mail-all = All
mail-queued = Waiting
mail-sent = Sent
mail-failed = Failed
mail-none = No messages here.
mail-to = To
mail-retry = Send again
mail-cancel = Cancel
mail-newest = Only the newest 200 are shown.
mail-queued-at = Queued { $queued }
mail-sent-at = Queued { $queued }; sent { $sent }
# The recipient chose to have routine mail once a day.
mail-held-at = Queued { $queued }; held for the recipient's daily digest
mail-digested-at = Queued { $queued }; sent in the recipient's daily digest { $sent }
mail-failed-at = Queued { $queued }; { $attempts ->
    [0] stopped { $failed }, before it was sent
    [one] failed { $failed } after { $attempts } attempt
   *[other] failed { $failed } after { $attempts } attempts
}
mail-dear = Dear { $name },
mail-agenda-subject = Agenda published: { $body }
mail-agenda-subject-supplement = Supplement (version { $number }): { $body }
mail-agenda-supplement = A supplement to the agenda of the { $body } meeting on { $when } has been published.
mail-agenda-version = version { $number }
mail-agenda-why = Why:
mail-agenda-published = The agenda of the { $body } meeting on { $when } has been published.
mail-agenda-where = The meeting is at { $location }.
mail-agenda-late = Published after the deadline because:
mail-agenda-papers = Agenda and papers
mail-agenda-briefing = Members' briefing
mail-agenda-pack = Board pack (PDF)
mail-agenda-invitation = The meeting is attached as a calendar invitation.
mail-agenda-briefing-heading = MEMBERS' BRIEFING
mail-agenda-exempt = Exempt: sign in to read the briefing for this item.
mail-agenda-verbal = Verbal report
mail-agenda-recommendation = Recommendation
mail-agenda-consulted = Consulted
mail-both-languages = Cymraeg isod / English below
mail-reminder-title = Your paper is due
mail-reminder-subject-today = Your paper is due today: { $title }
mail-reminder-subject = Your paper is due { $when }: { $title }
mail-reminder-not-submitted = Your paper "{ $title }" for the { $body } meeting on { $when } is not submitted yet.
mail-reminder-due-today = It is due by { $deadline }.
mail-reminder-due = It is due by { $deadline }, { $when }.
mail-reminder-advice = Finish the cover sheet and submit it; your sponsor then signs it off. A paper after the deadline needs a reason and the chair's approval.
mail-reminder-welsh = The board is bilingual: the paper's Welsh version is due by { $day }.
mail-reminder-your-paper = Your paper
mail-reminder-open = Open your paper
mail-call-subject = Call for papers: { $body }
mail-call-meets = The { $body } meets on { $when }, at { $location }.
mail-call-if = If your organisation has something for the board to decide or discuss:
mail-call-propose-by = Propose an item by:
mail-call-papers-by = Papers due by:
mail-call-published-by = The agenda is published by:
mail-call-how = How to submit: open the meeting's page, propose an item, then write your paper on Quorate's cover sheet (purpose, summary, recommendations and implications, then the paper). Your organisation's sponsor signs it off before the secretariat accepts it. Papers after the deadline need a reason and the chair's approval.
mail-call-the-meeting = The meeting
mail-call-open = Open the meeting
mail-call-why = You get this because you are on the { $body }.
mail-changed-title = { $body } meeting changed
mail-changed-subject-cancelled = Cancelled: { $body } meeting on { $when }
mail-changed-subject = Changed: { $body } meeting now { $when }
mail-changed-cancelled = The { $body } meeting on { $when } has been cancelled.
mail-changed-reason = Reason:
mail-changed-paper-cancelled = Your paper for it will not be considered at that meeting. The secretariat will tell you where it goes next.
mail-changed-moved = The { $body } meeting has changed. It is now on { $when }, at { $location }.
mail-changed-deadlines = The deadlines for your paper are now:
mail-changed-papers-due = Papers due:
mail-changed-agenda-published = Agenda published:
mail-changed-see = See the meeting
