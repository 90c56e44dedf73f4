# Feeds and calendars: Atom entries and calendar events.

feed-title = { $body }: agendas
feed-decision-note = Decision note: { $body }
feed-not-approved = Not yet approved minutes.
feed-paper-due = Paper due: { $title }
feed-for-meeting = For the { $body } meeting.
feed-action-due = Action due: { $description }
feed-cancelled = Cancelled: { $reason }
feed-not-published = The agenda is not published yet.
feed-agenda-version = Agenda (version { $number }) and papers:
feed-agenda = Agenda: { $body }
feed-supplement = Supplement { $number }: { $body }
