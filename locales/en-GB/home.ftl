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
