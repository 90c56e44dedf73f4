# A body's page: its meetings, rules, priorities, members and feeds.
body-manage = Manage members and priorities
body-import-actions = Import an action log
body-reports-to = Reports to
body-meetings = Meetings
body-no-meetings = No meetings are scheduled.
body-upcoming = Upcoming meetings
body-when = When
body-where = Where
body-papers = Papers
body-cancelled = Cancelled
body-agenda = Agenda
body-pack = Board pack
body-for = for
body-of = of
body-agenda-not-yet = Agenda not yet published
body-past = Past meetings
body-past-page = Past meetings, page { $page }
body-papers-record = Papers and record
body-minutes = Minutes
body-decisions = Decisions
body-no-past = No past meetings.
body-past-pages = Past meetings pages
body-newer = Newer meetings
body-older = Older meetings
body-priorities = Priorities
body-no-priorities = No priorities have been set.
body-members = Members
body-no-members = No members yet.
body-members-by-org = Members by organisation
body-name = Name
body-role = Role
body-children = Groups reporting to it
body-feeds = Follow-through and feeds
body-follow-through = How partners follow through on actions
body-register = Decisions register
body-ics = Meetings calendar (iCalendar)
body-atom = Published agendas (Atom feed)
body-decisions-csv = Decisions (CSV)
body-actions-csv = Actions (CSV)
# Under "Members": "12 people from 5 organisations."
body-member-count = { $people ->
    [one] 1 person
   *[other] { $people } people
} from { $organisations ->
    [one] 1 organisation
   *[other] { $organisations } organisations
}.

# Kinds of body.
kind-board = Board
kind-forum = Forum
kind-theme-group = Theme group
kind-partnership = Local partnership
# Roles on a body.
role-chair = Chair
role-vice-chair = Vice-chair
role-statutory-member = Statutory member
role-member = Member
role-designated-substitute = Designated substitute
role-substitute = Substitute
role-invited-participant = Invited participant
role-secretariat = Secretariat
role-officer = Officer
role-observer = Observer

# Beside a substitute on the members list: "for Cllr Priya Shah".
body-substitute-for = for { $name }
