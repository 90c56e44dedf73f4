# Cofnod y cyfarfod: presenoldeb, a gedwir gan yr ysgrifenyddiaeth yn ystod y cyfarfod.

attendance-caption = Presenoldeb
attendance-member = Aelod
# Pennawd cudd dewisiadau pob person, a ddarllenir gan ddarllenwyr sgrin: "Presenoldeb y Cyng Priya Shah".
attendance-of = Presenoldeb
attendance-present = Yn bresennol
attendance-apologies = Ymddiheuriadau
attendance-absent = Yn absennol
# I ddirprwy neu swyddog: yr aelod sy'n pleidleisio y mae'n sefyll yn ei le.
attendance-substituting-for = Yn dirprwyo dros
attendance-nobody = Neb
# Yr un botwm o dan y tabl presenoldeb: mae'n cadw pawb ar unwaith.
attendance-remote = Yn mynychu o bell
attendance-save = Cadw'r presenoldeb
# Dyddiad dyledus cam gweithredu a gofnodwyd ar eitem.
action-due = Erbyn
# Ar dudalen cam gweithredu: ei ddyddiad dyledus, y gellir ei symud gyda rheswm.
action-due-date = Dyddiad dyledus (mae angen rheswm i'w newid)

# Cywiro neu dynnu'n ôl benderfyniad a gofnodwyd, cyn cymeradwyo'r cofnodion.
decision-fix-summary = Cywiro neu dynnu'n ôl
decision-fix-text = Penderfyniad wedi'i gywiro
decision-fix-reason = Pam y'i cywirir
decision-fix-button = Cywiro'r penderfyniad
decision-withdraw-reason = Pam y'i tynnir yn ôl
decision-withdraw-button = Tynnu'r penderfyniad yn ôl
decision-withdrawn = Tynnwyd yn ôl
action-which = eitem { $item }, cam gweithredu { $n }
action-fix-summary = Cywiro neu dynnu'n ôl
action-fix-description = Beth sydd i'w wneud
action-fix-owner = Perchennog
action-fix-choose = Dewiswch berson
action-fix-due = Dyddiad dyledus
action-fix-reason = Pam y'i cywirir
action-fix-button = Cywiro'r cam gweithredu
action-withdraw-reason = Pam y'i tynnir yn ôl
action-withdraw-button = Tynnu'r cam gweithredu yn ôl

declaration-left-room = Gadawodd yr ystafell ar gyfer yr eitem hon (nid yw'n cyfrif tuag at ei chworwm)
declaration-left-note = {" "}(gadawodd yr ystafell ar gyfer yr eitem hon)

# Cyrraedd a gadael yn ystod y cyfarfod, fesul eitem.
movement-heading = Cyrraedd a gadael
movement-who = Pwy
movement-what = Beth ddigwyddodd
movement-arrives = Cyrhaeddodd mewn pryd ar gyfer yr eitem hon
movement-leaves = Gadawodd cyn yr eitem hon
movement-button = Cofnodi'r cyrraedd neu'r gadael
movement-choose = Dewiswch rywun a gofnodwyd yn bresennol
movement-arrived = Cyrhaeddodd { $name } mewn pryd ar gyfer yr eitem hon
movement-left = Gadawodd { $name } cyn yr eitem hon
movement-remove = Tynnu
# Yn y cofnodion drafft a'r nodyn penderfyniadau, ar frig eitem.
minutes-arrived = Cyrhaeddodd: { $names }.
minutes-left = Gadawodd y cyfarfod: { $names }.

# Pleidlais ar benderfyniad, a gofnodir gydag ef.
vote-legend = Pleidlais, os cynhaliwyd un
vote-hint-count = Gadewch y rhain yn wag os cytunwyd ar y penderfyniad heb bleidlais. Mae pleidlais fwrw'r cadeirydd yn cyfrif ymhlith y rhai o blaid.
vote-hint-name = Gadewch bawb ar "ni phleidleisiodd" os cytunwyd ar y penderfyniad heb bleidlais.
vote-for = O blaid
vote-against = Yn erbyn
vote-abstain = Yn ymatal
vote-of = Pleidlais
vote-none = Ni phleidleisiodd
vote-choice-for = O blaid
vote-choice-against = Yn erbyn
vote-choice-abstain = Ymatal
# O dan benderfyniad a gofnodwyd fesul enw.
vote-names-for = O blaid: { $names }.
vote-names-against = Yn erbyn: { $names }.
vote-names-abstain = Ymataliodd: { $names }.

# Y nodyn penderfyniadau cyflym (cofnodion heb eu cymeradwyo eto).
note-substituting = , yn dirprwyo dros { $name }
note-remotely = , o bell
note-item = Eitem { $n }: { $title }
note-item-confidential = Eitem { $n } (cyfrinachol)
note-arrived = Cyrhaeddodd { $name } mewn pryd ar gyfer eitem { $n }
note-left = Gadawodd { $name } cyn eitem { $n }
note-title = Nodyn penderfyniadau
note-not-approved = Cofnodion heb eu cymeradwyo eto. Mae'r nodyn hwn wedi'i dynnu o gofnod y cyfarfod; y cofnodion, unwaith y'u cymeradwyir yn y cyfarfod nesaf, yw'r cofnod ffurfiol.
note-due = Erbyn { $day }.
note-published = Cyhoeddwyd { $when } gan { $who }.
note-preview = Rhagolwg: heb ei gyhoeddi eto. Dim ond yr ysgrifenyddiaeth all ei weld.
note-publish-button = Cyhoeddi'r nodyn penderfyniadau
note-present = Yn bresennol
note-apologies = Ymddiheuriadau
note-absent = Yn absennol
note-movements = Cyrraedd a gadael
note-declarations = Datganiadau o fuddiant
note-declaration-left = (gadawodd yr ystafell ar gyfer yr eitem)
note-decisions = Penderfyniadau
note-no-decisions = Ni chofnodwyd unrhyw benderfyniadau.
note-withheld = { $n ->
    [one] Ni ddangosir 1 penderfyniad ar eitem gyfrinachol.
   *[other] Ni ddangosir { $n } penderfyniad ar eitemau cyfrinachol.
}
note-none-recorded = Heb ei gofnodi.
note-link = Nodyn penderfyniadau (cofnodion heb eu cymeradwyo eto)
# Dilynir gan y diwrnod y mae'n ddyledus.
note-link-due = Nodyn penderfyniadau: erbyn
# Blwch ticio o dan "Beth ddigwyddodd": cyrraedd drwy fideo neu ffôn.
movement-remote = Cyrhaeddodd o bell (ar gyfer cyrraedd)
movement-arrived-remotely = Cyrhaeddodd { $name } o bell mewn pryd ar gyfer yr eitem hon
record-title = Cofnod y cyfarfod
record-breadcrumb = Cofnod
record-quorate = Cworwm
record-not-quorate = Dim cworwm
record-attendance = Presenoldeb
record-items = Eitemau
record-exempt = Eithriedig
record-late-paper = Papur hwyr: { $reason }
record-declarations = Datganiadau:
record-decisions = Penderfyniadau:
record-actions = Camau gweithredu:
record-action-line = { $description } – { $owner }, erbyn { $due }
record-on-item = Cofnodi ar eitem { $number }
record-notes = Nodiadau
record-save-notes = Cadw'r nodiadau
record-declaration-by = Datganiad gan
record-choose-person = Dewiswch berson
record-interest = Y buddiant a ddatganwyd
record-declaration-button = Cofnodi'r datganiad
record-decision = Penderfyniad (penderfyniad ffurfiol)
record-decision-button = Cofnodi'r penderfyniad
record-action = Cam gweithredu sy'n codi
record-carries-out = Yn gweithredu penderfyniad
record-no-decision = Dim (yn codi o'r eitem)
record-owner = Perchennog
record-action-button = Cofnodi'r cam gweithredu
