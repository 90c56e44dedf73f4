# Tudalen papur a'i dudalen olygu.

# Y tabl hanes ar dudalen papur.
paper-history = Fersiynau
paper-history-hint = Cedwir fersiwn pan gyflwynir, dychwelir neu ailgyflwynir y papur, a phan fo'r awdur yn cadw un. Nid yw cadw drafft yn ychwanegu fersiwn.
paper-history-version = Fersiwn
paper-history-status = Statws
paper-history-changed-heading = Beth a newidiodd
paper-history-saved-by = Cadwyd gan
paper-history-when = Pryd
paper-history-first = Fersiwn gyntaf
paper-history-unchanged = Dim newid i'r papur
# $parts yw'r rhannau o'r ddalen glawr a'r papur a newidiodd: "Crynodeb, Argymhellion".
paper-history-changed = { $parts }
# Y trydydd botwm o dan y ffurflen olygu.
paper-save-version = Cadw fersiwn

# Rhannau papur, fel y'u henwir yn yr hanes.
paper-field-title = Teitl
paper-field-item-type = Beth y gofynnir i'r bwrdd ei wneud
paper-field-presenting-organisation = Sefydliad sy'n cyflwyno
paper-field-presenter = Cyflwynydd
paper-field-sponsor = Noddwr
paper-field-purpose = Diben
paper-field-summary = Crynodeb
paper-field-recommendations = Argymhellion
paper-field-financial = Goblygiadau ariannol
paper-field-legal = Goblygiadau cyfreithiol
paper-field-risk = Goblygiadau risg
paper-field-equality = Goblygiadau cydraddoldeb
paper-field-equality-assessment = Asesiad o'r effaith ar gydraddoldeb
paper-field-environment = Goblygiadau amgylcheddol
paper-field-consulted = Partneriaid yr ymgynghorwyd â hwy
paper-field-priority = Blaenoriaeth
paper-field-body = Y papur
paper-field-exempt = Gwybodaeth eithriedig
paper-field-minutes = Munudau sydd eu hangen

# Rhestrau'r cyflwynwyr a'r noddwyr: ar ôl pobl y sefydliad sy'n cyflwyno.
paper-people-others = Sefydliadau eraill

# Tudalen papur a gyhoeddwyd, unwaith y bydd y cyfarfod wedi penderfynu arno.
paper-decided = Penderfynwyd yn y cyfarfod
paper-decided-due = erbyn
paper-decided-meeting = Holl benderfyniadau'r cyfarfod hwn

# A paper's page.
paper-crumb = Papur
paper-late = Hwyr
paper-returned-label = Dychwelwyd
paper-returned = Dychwelwyd gan yr ysgrifenyddiaeth: { $reason }
paper-late-reason = Cyflwynwyd ar ôl y dyddiad cau. Y rheswm a roddwyd: { $reason }
paper-late-approved = Cymeradwyodd y cadeirydd ef: { $note }
paper-late-rejected = Gwrthododd y cadeirydd ef: { $note }
paper-late-waits = Mae'n aros am benderfyniad y cadeirydd.
paper-before-submit = Cyn y gallwch gyflwyno
paper-edit = Golygu'r papur
paper-check-submit = Gwirio a chyflwyno
paper-cover-sheet = Dalen glawr
paper-the-paper = Y papur
paper-words = { $count } o { $max } gair
paper-reading-ease = Rhwyddineb darllen { $score }
paper-hard = Anodd ei ddarllen
paper-hard-advice = Mae aelodau prysur y bwrdd yn darllen papurau wrth symud. Byddai brawddegau byrrach a geiriau bob dydd yn gwneud hwn yn haws ei ddarllen (sgôr o 30 neu fwy; mae Saesneg clir yn sgorio tua 60).
paper-appendices = Atodiadau
paper-sign-off-heading = Cymeradwyaeth y noddwr
paper-sign-off = Cymeradwyo'r papur hwn
paper-late-heading = Papur hwyr: eich penderfyniad fel cadeirydd
paper-late-legend = Ei roi ar yr agenda?
paper-late-yes = Ie, ei gymeradwyo fel mater brys
paper-late-no = Na, ei wrthod
paper-late-note = Rheswm dros eich penderfyniad
paper-late-note-hint = Fe'i cofnodir, a'i ddangos gyda'r eitem os aiff ar yr agenda.
paper-late-button = Cofnodi'r penderfyniad
paper-secretariat = Ysgrifenyddiaeth
paper-waiting = Gellir ei dderbyn ar gyfer yr agenda unwaith y gwneir y rhain:
paper-accept = Derbyn ar gyfer yr agenda
paper-return-reason = Dychwelyd at yr awdur: beth ddylai newid?
paper-return = Dychwelyd at yr awdur
paper-withdraw-summary = Tynnu'r papur hwn yn ôl
paper-withdraw-reason = Pam y'i tynnir yn ôl?
paper-withdraw = Tynnu'n ôl

paper-not-given = Heb ei roi

# An equality impact assessment's state, on a published paper.
paper-assessment-completed = Wedi'i gwblhau
paper-assessment-not-needed = Dim angen
paper-field-welsh-language = Effaith ar y Gymraeg
paper-welsh-language-hint = Effeithiau'r penderfyniad ar gyfleoedd i bobl ddefnyddio'r Gymraeg, ac ar beidio â thrin y Gymraeg yn llai ffafriol na'r Saesneg. Yn ofynnol ar bapur penderfyniad.

# Ffurflen y papur.
edit-title = Ysgrifennu eich papur
edit-crumb = Golygu
edit-intro = Llenwch bob adran o'r daflen glawr. Cadwch mor aml ag y dymunwch: ni anfonir dim nes i chi gyflwyno.
edit-sections = Adrannau
edit-details = Manylion yr eitem
edit-title-hint = Dywedwch beth y gofynnir i'r bwrdd ei wneud, mewn ychydig eiriau.
edit-item-for = Ar gyfer beth mae'r eitem?
edit-choose-organisation = Dewiswch sefydliad
edit-choose-presenter = Dewiswch pwy sy'n ei chyflwyno
edit-sponsor = Noddwr (prif swyddog y sefydliad sy'n cyflwyno)
edit-choose-sponsor = Dewiswch y noddwr
edit-minutes = Munudau sydd eu hangen yn y cyfarfod
edit-minutes-hint = Dewisol. Yr ysgrifenyddiaeth sy'n penderfynu'r amseroedd terfynol.
edit-purpose-summary = Diben a chrynodeb
edit-executive-summary = Crynodeb gweithredol
edit-recommendations-hint = Un i bob llinell, pob un yn un frawddeg. Mae eitem benderfynu angen o leiaf un.
edit-implications = Goblygiadau
edit-implications-hint = Ar gyfer pob un, disgrifiwch y goblygiadau neu ysgrifennwch "dim".
edit-financial = Ariannol
edit-legal = Cyfreithiol
edit-risk = Risg
edit-eia = Asesiad effaith ar gydraddoldeb
edit-eia-done = Wedi'i wneud
edit-eia-not-needed = Dim angen
edit-equality = Cydraddoldeb: beth a ganfu, neu pam nad oes angen un
edit-environment = Yr amgylchedd a'r hinsawdd
edit-consultation = Ymgynghori
edit-consulted-hint = Pa bartneriaid yr ymgynghorwyd â hwy? Mae eitem benderfynu angen o leiaf un partner heblaw'r sefydliad sy'n cyflwyno.
edit-priority-served = Blaenoriaeth a wasanaethir
edit-priority-hint = Pa un o flaenoriaethau'r corff y mae'r eitem hon yn ei gwasanaethu?
edit-none-of-these = Dim un o'r rhain
edit-no-priority = Os dim un: pam y dylai'r bwrdd ei hystyried?
edit-body = Corff y papur
edit-exempt-box = Mae'r papur hwn yn cynnwys gwybodaeth eithriedig ac ni ddylid ei gyhoeddi
edit-not-exempt = Heb ei eithrio
edit-why-exempt = Pam ei fod wedi'i eithrio
edit-save-check = Cadw a gwirio cyn cyflwyno
edit-save-draft = Cadw'r drafft
edit-appendices = Atodiadau
edit-add-appendix = Ychwanegu atodiad
edit-appendix-hint = PDF, Word (DOCX), Excel (XLSX), CSV, PNG neu JPEG, hyd at 20 MB. Cadwch eich newidiadau uchod yn gyntaf.
edit-upload = Llwytho i fyny
edit-purpose-hint = Dim mwy na { $limit } o eiriau.
edit-summary-hint = Dim mwy na { $limit } o eiriau: yr hyn y mae'n rhaid i aelod ei wybod cyn y cyfarfod.

edit-body-hint = Dim mwy na { $limit } o eiriau. Defnyddiwch ## ar gyfer penawdau, | ar gyfer tablau a [^1] ar gyfer troednodiadau.
edit-task-not-started = Heb ddechrau
edit-task-in-progress = Ar y gweill
edit-task-completed = Wedi'i gwblhau
edit-task-optional = Dewisol

mine-title = Eich papurau
mine-late-heading = Papurau hwyr yn aros am eich penderfyniad
mine-late-caption = Papurau hwyr i'w penderfynu
mine-paper = Papur
mine-meeting = Cyfarfod
mine-late = Hwyr
mine-none = Nid ydych wedi ysgrifennu unrhyw bapurau.
mine-none-link = Agorwch gyfarfod o'r hafan i ddechrau un.
mine-caption = Papurau rydych wedi'u hysgrifennu
mine-status = Statws
mine-next = Y cam nesaf
mine-papers-due = Papurau'n ddyledus { $day }
mine-proposed = Yr eitemau a gynigiwyd gennych
mine-proposed-caption = Eitemau a gynigiwyd gennych
mine-item = Eitem
mine-outcome = Canlyniad
mine-write = Ysgrifennu'r papur

check-title = Gwiriwch eich papur cyn i chi ei gyflwyno
check-crumb = Gwirio
check-problem = Mae problem
check-problem-intro = Nid yw'r papur yn bodloni'r gofynion briffio eto. Cywirwch bob un o'r rhain, yna cyflwynwch eto. Mae popeth rydych wedi'i ysgrifennu wedi'i gadw.
check-change = Newid y papur
check-now-submit = Nawr cyflwynwch eich papur
check-next = Bydd yr ysgrifenyddiaeth yn ei wirio a rhaid i'r noddwr ei gymeradwyo cyn y gall fynd ar yr agenda.
check-urgent = Pam mae'r papur hwn yn frys?
check-urgent-hint = Roedd papurau'n ddyledus { $deadline }. Dim ond os yw'r cadeirydd yn cytuno ei fod yn frys y mae papur hwyr yn mynd ar yr agenda, a chyhoeddir y rheswm gydag ef.
check-submit = Cyflwyno'r papur
cover-eia-done = Asesiad effaith wedi'i wneud.
cover-eia-not-needed = Dim angen asesiad effaith.
cover-none = Dim.
cover-item-type = Math o eitem
cover-equality = Cydraddoldeb
cover-exempt = Eithriedig

# Your papers: what happens next to a paper in each state.
next-draft = Gorffennwch y daflen glawr a'i chyflwyno cyn y dyddiad cau ar gyfer papurau.
next-returned = Gwnewch y newidiadau y gofynnodd yr ysgrifenyddiaeth amdanynt, yna cyflwynwch ef eto.
next-late-waits = Yn aros i'r cadeirydd benderfynu a yw'r papur hwyr yn mynd ar yr agenda.
next-late-rejected = Nid oedd y cadeirydd yn cytuno ei fod yn fater brys: ni fydd yn mynd ar yr agenda hon.
next-sign-off = Yn aros i'r noddwr ei gymeradwyo.
next-secretariat = Yn aros i'r ysgrifenyddiaeth ei wirio a'i dderbyn.
next-accepted = Derbyniwyd: mae'n mynd allan gyda'r agenda. Dim i'w wneud.
next-published = Cyhoeddwyd gyda'r agenda. Dim i'w wneud.
next-withdrawn = Tynnwyd yn ôl: dim i'w wneud.
next-none = Dim i'w wneud.
paper-signed-off-on = Cymeradwywyd gan y noddwr ar { $when }.
paper-not-signed-off = Nid yw'r noddwr wedi'i gymeradwyo eto.
