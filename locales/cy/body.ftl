# A body's page: its meetings, rules, priorities, members and feeds.
body-manage = Rheoli aelodau a blaenoriaethau
body-import-actions = Mewnforio log camau gweithredu
body-reports-to = Yn adrodd i
body-meetings = Cyfarfodydd
body-no-meetings = Nid oes cyfarfodydd wedi'u trefnu.
body-upcoming = Cyfarfodydd i ddod
body-when = Pryd
body-where = Ble
body-papers = Papurau
body-cancelled = Wedi'i ganslo
body-agenda = Agenda
body-pack = Pecyn y bwrdd
body-for = ar gyfer
body-of = –
body-agenda-not-yet = Agenda heb ei chyhoeddi eto
body-past = Cyfarfodydd blaenorol
body-past-page = Cyfarfodydd blaenorol, tudalen { $page }
body-papers-record = Papurau a chofnod
body-minutes = Cofnodion
body-decisions = Penderfyniadau
body-no-past = Dim cyfarfodydd blaenorol.
body-past-pages = Tudalennau cyfarfodydd blaenorol
body-newer = Cyfarfodydd mwy diweddar
body-older = Cyfarfodydd hŷn
body-priorities = Blaenoriaethau
body-no-priorities = Nid oes blaenoriaethau wedi'u gosod.
body-members = Aelodau
body-no-members = Dim aelodau eto.
body-members-by-org = Aelodau fesul sefydliad
body-name = Enw
body-role = Rôl
body-children = Grwpiau sy'n adrodd iddo
body-feeds = Dilyn drwodd a ffrydiau
body-follow-through = Sut mae partneriaid yn dilyn camau gweithredu drwodd
body-register = Cofrestr penderfyniadau
body-ics = Calendr cyfarfodydd (iCalendar)
body-atom = Agendâu a gyhoeddwyd (ffrwd Atom)
body-decisions-csv = Penderfyniadau (CSV)
body-actions-csv = Camau gweithredu (CSV)
# O dan "Aelodau": "12 o bobl o 5 sefydliad."
body-member-count = { $people ->
    [one] 1 person
   *[other] { $people } o bobl
} o { $organisations ->
    [one] 1 sefydliad
   *[other] { $organisations } sefydliad
}.

# Kinds of body.
kind-board = Bwrdd
kind-forum = Fforwm
kind-theme-group = Grŵp thema
kind-partnership = Partneriaeth leol
# Roles on a body.
role-chair = Cadeirydd
role-vice-chair = Is-gadeirydd
role-statutory-member = Aelod statudol
role-member = Aelod
role-designated-substitute = Dirprwy dynodedig
role-substitute = Dirprwy
role-invited-participant = Cyfranogwr gwadd
role-secretariat = Ysgrifenyddiaeth
role-officer = Swyddog
role-observer = Sylwedydd

# Beside a substitute on the members list: "for Cllr Priya Shah".
body-substitute-for = dros { $name }
