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
mail-signoff-subject = A paper waits for your sign-off: { $title }
mail-signoff-submitted = { $author } submitted "{ $title }" on { $submitted } and named you as its sponsor; it has waited two working days for your sign-off.
mail-signoff-meeting = It is for the { $body } meeting on { $when }.
mail-signoff-accept = The secretariat can accept it only once you have signed it off. Papers are due by { $deadline }.
mail-signoff-link = Read and sign off the paper
mail-reset-subject = Choose a new password for Quorate
mail-reset-asked = Someone asked to reset the password of your Quorate account ({ $email }). If it was you, choose a new password here:
mail-reset-link = Choose a new password
mail-copy-address = Or copy this address into your browser:
mail-reset-expires = The link works once, until { $expires }. Choosing a new password signs you out on every other device.
mail-reset-ignore = If you did not ask, you can ignore this message: your password stays as it is. If you keep getting these messages, tell your board's secretariat.
mail-invitation-subject = { $inviter } has invited you to Quorate
mail-invitation-title = Your Quorate account
mail-invitation-given = { $inviter } has given you an account on Quorate, where { $organisation } and its partners prepare board papers, agendas and actions.
mail-invitation-choose = Choose your password here:
mail-invitation-link = Choose your password
mail-invitation-expires = The link works once, until { $expires }.
mail-invitation-ignore = If you did not expect this message, you can ignore it.
mail-digest-subject = Your Quorate digest for { $date }: { $count ->
    [one] 1 message
   *[other] { $count } messages
}
mail-digest-title = Your Quorate digest for { $date }
mail-digest-intro = You asked for routine mail from Quorate once a day. Since yesterday's digest:
mail-digest-settings = Change what Quorate sends you, or have each message as it happens:
mail-digest-settings-link = Change what Quorate sends you
mail-digest-settings-rest = , or have each message as it happens.
mail-week-subject = This week for the { $body }: { $count ->
    [one] 1 thing to do
   *[other] { $count } things to do
}
mail-week-title = This week for the { $body }
mail-week-intro = What is waiting for the { $body }'s secretariat this week:
mail-week-home = Your home page lists these as they change:
mail-week-home-link = Your home page
mail-week-home-rest = lists these as they change.
mail-undelivered = { $count ->
    [one] 1 message could not be delivered
   *[other] { $count } messages could not be delivered
}
mail-action-open = Open the action
mail-action-assigned-subject = New action for you: due { $due }
mail-action-assigned = The { $body } has given you an action:
mail-action-due-on = It is due on { $due }.
mail-action-notes = Add progress notes and close it on the action's page.
mail-action-redated-subject = Your action is now due { $due }
mail-action-redated = The due date of your action for the { $body } has changed:
mail-action-from-to = From { $from } to { $to }.
mail-action-why = Why: { $reason }
mail-action-escalated-subject = Overdue action escalated: { $owner }
mail-action-escalated = An action of the { $body } owned by { $owner } was due on { $due } and is more than 10 working days overdue:
mail-action-soon-subject = Action due { $due }
mail-action-soon = Your action for the { $body } is due on { $due }:
mail-action-today-subject = Action due today
mail-action-today = Your action for the { $body } is due today:
mail-action-overdue-subject = Overdue action (due { $due })
mail-action-overdue = Your action for the { $body } was due on { $due } and is overdue:
mail-action-what-now = Add a progress note, close it, or ask the secretariat to change the date.
mail-action-withdrawn-subject = Action withdrawn: { $body }
mail-action-withdrawn = The { $body } has withdrawn an action it had given you: it was recorded in error.
mail-action-nothing-more = You need do nothing more about it.
mail-open-meeting = Open the meeting
