# The home page: what is due from you, and every body and meeting.
home-due-title = What is due from you
home-bodies-title = Boards and partnerships
home-nothing-due = Nothing is due from you now.
home-now = Now
home-your-bodies = Your bodies
home-all-bodies = All bodies
home-no-bodies = No bodies have been set up yet.
home-sign-in-to-set-up = Sign in to set them up.
home-upcoming = Upcoming meetings
home-no-meetings = No meetings are scheduled.
home-when = When
home-body = Body
home-where = Where
countdown-passed = passed
countdown-today = today
countdown-weekend = after the weekend
home-late-paper = Decide whether the late paper “{ $title }” goes on the agenda
home-at = { $body }, { $when }
home-late-heading = Late papers for you to decide
home-sign-off = Sign off “{ $title }”
home-sign-off-heading = Papers waiting for your sign-off
home-resubmit = Change and resubmit “{ $title }”: it was returned to you
home-finish = Finish and submit “{ $title }”
home-for-meeting = For { $body }, { $when }. Papers due { $due }
home-papers-heading = Your papers to finish
home-todo-heading = To do for { $body }
home-mail-heading = Mail
home-overdue-was = Overdue: was due { $date }
home-due = Due { $date }
home-actions-heading = Your actions
home-read-agenda = Read the agenda and members' briefing for { $body }, { $when }
home-agenda-published = Agenda version { $number } is published
home-prepare-heading = Meetings to prepare for
home-papers-due = Papers due { $due }
home-build-agenda = Build and publish the agenda for { $when }
home-write-minutes = Write and circulate the minutes of { $when }
countdown-one = { $count ->
    [one] in 1 working day
   *[other] in { $count } working days
}
home-proposals = Decide { $count ->
    [one] 1 proposed item for { $when }
   *[other] { $count } proposed items for { $when }
}
home-writing = { $count ->
    [one] 1 paper still being written for { $when }
   *[other] { $count } papers still being written for { $when }
}
home-to-accept = Check and accept { $count ->
    [one] 1 submitted paper for { $when }
   *[other] { $count } submitted papers for { $when }
}
home-overdue-actions = { $count ->
    [one] 1 overdue action to chase
   *[other] { $count } overdue actions to chase
}
