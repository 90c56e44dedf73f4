# Tudalen cyfarfod.

# Eitemau arfaethedig, i'r ysgrifenyddiaeth: symud un i gyfarfod diweddarach.
proposal-defer-to = Gohirio i
# Eitemau arfaethedig, i'r ysgrifenyddiaeth: anfonir y rheswm at y cynigydd.
proposal-decline-reason = Rheswm dros wrthod
proposal-decline = Gwrthod
# Trefnu neu symud cyfarfod.
meeting-date = Dyddiad
# Penderfyniad allweddol, ar gynnig ac ar ddalen glawr papur.
key-decision-label = Mae hwn yn benderfyniad allweddol
key-decision-hint = Cyhoeddir penderfyniad allweddol ym mlaenraglen y corff o leiaf 28 diwrnod clir cyn y cyfarfod.
proposal-exempt-label = Cyfrinachol (dewisol)
proposal-exempt-hint = Os bydd yr eitem wedi'i heithrio dan Atodlen 12A, dewiswch y paragraff: dim ond hynny a ddangosir yn y flaenraglen wedyn.
proposal-exempt-none = Ddim yn gyfrinachol

# Sut i fynychu cyfarfod o bell (yn ofynnol yng Nghymru cyn cyhoeddi'r agenda).
meeting-remote-access = Sut i fynychu o bell
meeting-remote-access-hint = Dolen a chyfarwyddiadau i aelodau a'r cyhoedd. Dan reolau Cymru ni ellir cyhoeddi'r agenda hebddynt.

# The meeting page, for everyone.
meeting-title = Cyfarfod, { $date }
meeting-cancelled = Wedi'i ganslo
meeting-when = Pryd
meeting-where = Ble
meeting-timeline = Amserlen
meeting-passed = Wedi mynd heibio
meeting-agenda = Agenda
meeting-agenda-due = Cyhoeddir yr agenda erbyn { $day }.
meeting-draft-caption = Agenda ddrafft: heb ei chyhoeddi eto, a gall newid
meeting-version = Fersiwn { $n }, cyhoeddwyd { $when }.
meeting-agenda-page = Tudalen yr agenda
meeting-briefing = Briff yr aelodau
meeting-members-pack = Pecyn yr aelodau, gyda phapurau cyfrinachol (PDF)
meeting-public-pack = Pecyn cyhoeddus y bwrdd (PDF)
meeting-print-pack = Pecyn hawdd ei argraffu
meeting-published-late = Cyhoeddwyd yn hwyr
meeting-build-agenda = Adeiladu'r agenda
meeting-record = Cofnodi'r cyfarfod
meeting-minutes = Cofnodion
meeting-decisions = Penderfyniadau a wnaed
meeting-no-decisions = Ni chofnodwyd unrhyw benderfyniadau ar gyfer y cyfarfod hwn.
meeting-actions-arising = Camau gweithredu sy'n deillio:
meeting-action-due = erbyn { $day }
meeting-papers = Papurau
meeting-no-papers = Dim papurau y gallwch eu gweld eto.
meeting-papers-caption = Papurau ar gyfer y cyfarfod hwn
meeting-paper-title = Teitl
meeting-paper-status = Statws
meeting-late = Hwyr
meeting-exempt = Eithriedig – categori { $category }
meeting-proposed = Eitemau arfaethedig
meeting-proposed-caption = Eitemau a gynigiwyd ar gyfer y cyfarfod hwn
meeting-proposed-item = Eitem
meeting-proposed-outcome = Canlyniad
meeting-proposed-paper = Papur
meeting-accept = Derbyn
meeting-defer = Gohirio
# Proposing an item, for a partner.
propose-heading = Cynnig eitem
propose-intro = Dywedwch wrth yr ysgrifenyddiaeth beth rydych am i'r bwrdd ei ystyried. Os byddant yn ei dderbyn, dechreuir papur drafft i chi.
propose-title = Teitl yr eitem
propose-type = Beth yw ei ddiben?
propose-organisation = Sefydliad sy'n cyflwyno
propose-choose-organisation = Dewiswch sefydliad
propose-priority = Blaenoriaeth a wasanaethir
propose-no-priority = Dim un o'r rhain
propose-why = Os dim un: pam y dylai'r bwrdd ei hystyried?
propose-minutes = Munudau sydd eu hangen (amcangyfrif)
propose-minutes-hint = Rhif, fel 15.
propose-button = Cynnig yr eitem
# Starting a paper, for an author.
write-heading = Ysgrifennu papur ar gyfer y cyfarfod hwn
write-title = Teitl y papur
write-title-hint = Gallwch ei newid yn nes ymlaen. Nid anfonir dim nes i chi gyflwyno'r papur.
write-button = Dechrau'r papur
# Moving or cancelling the meeting, for the secretariat.
change-heading = Newid y cyfarfod
change-intro = Dywedir wrth awduron papurau ar gyfer y cyfarfod hwn drwy e-bost pan fydd yn symud.
change-start = Yn dechrau am (amser Llundain)
change-start-hint = Cloc 24 awr, er enghraifft 14:00.
change-end = Yn gorffen am (amser Llundain)
change-end-hint = Cloc 24 awr, er enghraifft 16:30.
change-where = Ble
change-button = Cadw'r newidiadau
cancel-heading = Canslo'r cyfarfod
cancel-confirm-title = Canslo cyfarfod { $date }?
cancel-confirm-text = Dywedir wrth awduron ei bapurau drwy e-bost, ac mae tudalen y cyfarfod yn dweud ei fod wedi'i ganslo oherwydd: “{ $reason }”.
cancel-cannot-undo = Ni ellir dadwneud hyn.
cancel-yes = Ie, canslo'r cyfarfod
cancel-no = Na, cadw'r cyfarfod
cancel-reason = Rheswm dros ganslo
cancel-reason-hint = Dangosir i awduron ac ar dudalen y cyfarfod.
cancel-button = Canslo'r cyfarfod

# The agenda table: on the meeting page and each published version.
agenda-no = Rhif
agenda-item = Eitem
agenda-minutes = Munudau
agenda-restricted-item = eitem { $n }
agenda-log-caption = Camau gweithredu agored, a'r rhai a gaewyd ers y cyfarfod diwethaf
agenda-log-action = Cam gweithredu
agenda-log-owner = Perchennog
agenda-log-due = Erbyn
agenda-log-status = Statws
agenda-log-latest = Diweddaraf:

# What the board is asked to do with an item.
item-type-decision = Er penderfyniad
item-type-discussion = I'w drafod
item-type-information = Er gwybodaeth
# A paper's status.
paper-status-draft = Drafft
paper-status-submitted = Cyflwynwyd
paper-status-accepted = Derbyniwyd
paper-status-published = Cyhoeddwyd
paper-status-returned = Dychwelwyd
paper-status-withdrawn = Tynnwyd yn ôl
# Tags and headings on the agenda.
agenda-heading-to-note = Er gwybodaeth — i'w nodi heb drafodaeth
agenda-heading-part2 = Rhan 2: ddim yn agored i'r wasg a'r cyhoedd
agenda-tag-late = Hwyr
agenda-tag-supplement = Atodiad: { $text }
agenda-tag-exempt = Eithriedig – { $what }
agenda-verbal = Adroddiad llafar: { $reason }
# A meeting's time: "Tuesday 20 October 2026 at 14:00 to 16:30".
meeting-time-range = { $start } tan { $end }

# A published agenda version.
version-title = Agenda – { $date }
version-crumb = Fersiwn { $n } o'r agenda
version-label = Fersiwn
version-published = { $n }, cyhoeddwyd { $when }
version-superseded = Disodlwyd
version-see-latest = Gweld fersiwn { $n }
version-supplement = Atodiad
version-changed = Beth a newidiodd ers fersiwn { $n }
version-print-members-pack = Pecyn yr aelodau hawdd ei argraffu
version-pack = Pecyn y bwrdd (PDF)
version-calendar = Ychwanegu cyfarfodydd y corff at eich calendr
version-versions = Fersiynau
version-n = Fersiwn { $n }
version-this-one = (yr un hon)
# A published paper.
frozen-agenda-crumb = Agenda, { $date }
frozen-item = Eitem { $n }
frozen-caption-item = eitem { $n }
frozen-download = Lawrlwytho'r papur hwn (PDF)
frozen-for = Ar gyfer
frozen-sponsor = Noddwr
frozen-purpose = Diben
frozen-summary = Crynodeb
frozen-recommendations = Argymhellion
frozen-consulted = Partneriaid yr ymgynghorwyd â hwy
frozen-priority = Blaenoriaeth a wasanaethir
frozen-length = Hyd
frozen-words = { $count } gair
frozen-appendices = Atodiadau

# The minutes page, for everyone.
minutes-title = Cofnodion
minutes-not-yet = Cyhoeddir y cofnodion unwaith y bydd y cyfarfod nesaf yn eu cymeradwyo.
minutes-part2 = Rhan 2: eitemau eithriedig (aelodau yn unig)

minutes-status-draft = Drafft: heb ei ddosbarthu eto
minutes-status-circulated = Drafft: wedi'i ddosbarthu i aelodau, i'w gymeradwyo yn y cyfarfod nesaf
minutes-status-approved = Cymeradwywyd
minutes-status-approved-at = Cymeradwywyd { $when }

# The title an exempt item has in public: "Exempt item – category 3: Information relating to …".
agenda-exempt-item = Eitem eithriedig – { $what }: { $paragraph }
meeting-step-proposals = Eitemau i'w cynnig erbyn
meeting-step-papers = Papurau'n ddyledus
meeting-step-translations = Cyfieithiadau'n ddyledus
meeting-step-publication = Agenda i'w chyhoeddi erbyn
meeting-step-meeting = Cyfarfod

# Gwirio a chyhoeddi'r agenda.
publish-title = Gwirio a chyhoeddi
publish-back = Yn ôl i'r agenda
publish-heading = Gwirio a chyhoeddi'r agenda
publish-heading-supplement = Gwirio a chyhoeddi atodiad { $number }
publish-blocked = Ni ellir ei chyhoeddi eto:
publish-translations = Mae awdur pob papur neu'r ysgrifenyddiaeth yn ysgrifennu ei Gymraeg ar ei dudalen fersiwn Gymraeg; os na all y busnes aros, gall y cadeirydd gofnodi pam.
publish-worth-checking = Gwerth eu gwirio:
publish-caption = Yr agenda fel y caiff ei chyhoeddi (fersiwn { $number })
publish-late = Pam mae'r agenda'n hwyr?
publish-supplement = Beth mae'r atodiad hwn yn ei ychwanegu neu'n ei ddisodli, a pham?
publish-supplement-hint = Dangosir ar yr agenda ac yn yr e-bost at aelodau.
publish-goes-to = Mae'n mynd at { $count } o aelodau a dirprwyon drwy e-bost, gyda gwahoddiad calendr, ac yn ymddangos ar dudalen gyhoeddus y cyfarfod heb eitemau eithriedig.
publish-button = Cyhoeddi'r agenda
publish-button-supplement = Cyhoeddi'r atodiad
preflight-item = Eitem { $number } "{ $title }"
preflight-paper-missing = Nid oes papur gan { $item }: atodwch bapur a dderbyniwyd neu gwnewch hi'n adroddiad llafar gyda rheswm.
preflight-late-undecided = Mae { $item } yn bapur hwyr sy'n aros am benderfyniad y cadeirydd.
preflight-late-rejected = { $item }: gwrthododd y cadeirydd y papur hwyr; dilëwch yr eitem neu ei gohirio.
preflight-draft = { $item }: mae'r papur yn dal yn ddrafft, heb ei dderbyn.
preflight-submitted = { $item }: mae'r papur wedi'i gyflwyno ond heb ei dderbyn eto.
preflight-returned = { $item }: dychwelwyd y papur i'w awdur ac nid yw wedi'i dderbyn.
preflight-withdrawn = { $item }: tynnwyd y papur yn ôl.
preflight-other = { $item }: mae'r papur yn { $status }, heb ei dderbyn.
preflight-briefing = Nid yw { $item } yn bodloni'r gofynion briffio: { $problems }.
minutes-confirm-redraft-title = Disodli'r cofnodion â drafft newydd?
minutes-confirm-redraft-text = Gwneir drafft newydd o gofnod y cyfarfod (presenoldeb, datganiadau, nodiadau, penderfyniadau a chamau gweithredu). Mae'n disodli'r testun isod, gan gynnwys unrhyw newidiadau a wnaethoch.
minutes-confirm-approve-title = Cymeradwyo a chyhoeddi'r cofnodion hyn?
minutes-confirm-approve-text = Gwnewch hyn dim ond ar ôl i'r cyfarfod nesaf gytuno arnynt. Mae cofnodion a gymeradwywyd wedi'u rhewi: ni ellir eu newid wedyn, a chyhoeddir y rhan agored.
minutes-confirm-redraft-yes = Ie, disodli fy nhestun â drafft newydd
minutes-confirm-approve-yes = Ie, cymeradwyo a chyhoeddi'r cofnodion
minutes-confirm-no = Na, parhau i olygu
minutes-edit-heading = Golygu'r cofnodion
minutes-edit-open = Cofnodion (Markdown)
minutes-edit-part2 = Rhan 2: eitemau eithriedig (byth yn cael eu cyhoeddi)
minutes-save = Cadw'r cofnodion
minutes-redraft = Ail-ddrafftio o gofnod y cyfarfod
minutes-circulate = Anfon y drafft at yr aelodau
minutes-approve = Cymeradwywyd yn y cyfarfod nesaf: rhewi a chyhoeddi
minutes-changed = Cadwodd rhywun arall y cofnodion tra oeddech yn golygu. Cedwir eich testun isod: cymharwch ef â'r dudalen gyhoeddedig a'i gadw eto.
standard-apologies = Ymddiheuriadau a dirprwyon
standard-declarations = Datgan buddiannau
standard-minutes = Cofnodion y cyfarfod blaenorol
standard-action-log = Log camau gweithredu
standard-next-meeting = Dyddiad y cyfarfod nesaf
standard-exclusion = Gwahardd y wasg a'r cyhoedd
meeting-calendar-note = Nid oes gan Quorate wyliau banc ar gyfer y flwyddyn honno eto, felly dim ond penwythnosau y mae'r dyddiadau hyn yn eu cyfrif. Gall gweinyddwr fewnforio calendr cyfredol.
