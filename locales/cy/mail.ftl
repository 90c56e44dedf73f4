# Y dudalen bost: yr hyn y mae Quorate wedi'i anfon, yn ei anfon ac yn methu ei anfon.

mail-title = Post
mail-home = Hafan
mail-admin = Gweinyddu
mail-intro = Pob neges y mae Quorate wedi'i rhoi yn y ciw, y fwyaf newydd yn gyntaf: a yw wedi mynd, yn aros, neu wedi methu a pham. Gellir anfon neges a fethodd eto; gellir canslo un sy'n aros.
mail-masked = Byrheir cyfeiriadau yma; mae gweinyddwr y wefan yn eu gweld yn llawn.
mail-filter = Dangos
mail-all = Y cyfan
mail-queued = Yn aros
mail-sent = Anfonwyd
mail-failed = Methodd
mail-none = Dim negeseuon yma.
mail-to = At
mail-retry = Anfon eto
mail-cancel = Canslo
mail-newest = Dim ond y 200 mwyaf newydd a ddangosir.
mail-queued-at = Yn y ciw { $queued }
mail-sent-at = Yn y ciw { $queued }; anfonwyd { $sent }
# Dewisodd y derbynnydd gael post arferol unwaith y dydd.
mail-held-at = Yn y ciw { $queued }; wedi'i chadw ar gyfer crynodeb dyddiol y derbynnydd
mail-digested-at = Yn y ciw { $queued }; anfonwyd yng nghrynodeb dyddiol y derbynnydd { $sent }
mail-failed-at = Yn y ciw { $queued }; { $attempts ->
    [0] ataliwyd { $failed }, cyn ei hanfon
    [one] methodd { $failed } ar ôl { $attempts } ymgais
   *[other] methodd { $failed } ar ôl { $attempts } ymgais
}
mail-dear = Annwyl { $name },
mail-agenda-subject = Agenda wedi'i chyhoeddi: { $body }
mail-agenda-subject-supplement = Atodiad (fersiwn { $number }): { $body }
mail-agenda-supplement = Mae atodiad i agenda cyfarfod { $body } ({ $when }) wedi'i gyhoeddi.
mail-agenda-version = fersiwn { $number }
mail-agenda-why = Pam:
mail-agenda-published = Mae agenda cyfarfod { $body } ({ $when }) wedi'i chyhoeddi.
mail-agenda-where = Cynhelir y cyfarfod yn { $location }.
mail-agenda-late = Cyhoeddwyd ar ôl y dyddiad cau oherwydd:
mail-agenda-papers = Agenda a phapurau
mail-agenda-briefing = Briff yr aelodau
mail-agenda-pack = Pecyn y bwrdd (PDF)
mail-agenda-invitation = Mae'r cyfarfod wedi'i atodi fel gwahoddiad calendr.
mail-agenda-briefing-heading = BRIFF YR AELODAU
mail-agenda-exempt = Eithriedig: mewngofnodwch i ddarllen y briff ar gyfer yr eitem hon.
mail-agenda-verbal = Adroddiad llafar
mail-agenda-recommendation = Argymhelliad
mail-agenda-consulted = Ymgynghorwyd â
mail-both-languages = Cymraeg isod / English below
mail-reminder-title = Mae eich papur yn ddyledus
mail-reminder-subject-today = Mae eich papur yn ddyledus heddiw: { $title }
mail-reminder-subject = Mae eich papur yn ddyledus { $when }: { $title }
mail-reminder-not-submitted = Nid yw eich papur "{ $title }" ar gyfer cyfarfod { $body } ({ $when }) wedi'i gyflwyno eto.
mail-reminder-due-today = Mae'n ddyledus erbyn { $deadline }.
mail-reminder-due = Mae'n ddyledus erbyn { $deadline }, { $when }.
mail-reminder-advice = Gorffennwch y daflen glawr a'i chyflwyno; yna bydd eich noddwr yn ei chymeradwyo. Mae papur ar ôl y dyddiad cau angen rheswm a chymeradwyaeth y cadeirydd.
mail-reminder-welsh = Mae'r bwrdd yn ddwyieithog: mae fersiwn Gymraeg y papur yn ddyledus erbyn { $day }.
mail-reminder-your-paper = Eich papur
mail-reminder-open = Agor eich papur
mail-call-subject = Galwad am bapurau: { $body }
mail-call-meets = Mae { $body } yn cyfarfod yn { $location }. Dyddiad ac amser: { $when }.
mail-call-if = Os oes gan eich sefydliad rywbeth i'r bwrdd ei benderfynu neu ei drafod:
mail-call-propose-by = Cynnig eitem erbyn:
mail-call-papers-by = Papurau'n ddyledus erbyn:
mail-call-published-by = Cyhoeddir yr agenda erbyn:
mail-call-how = Sut i gyflwyno: agorwch dudalen y cyfarfod, cynigiwch eitem, yna ysgrifennwch eich papur ar daflen glawr Quorate (diben, crynodeb, argymhellion a goblygiadau, yna'r papur). Mae noddwr eich sefydliad yn ei gymeradwyo cyn i'r ysgrifenyddiaeth ei dderbyn. Mae papurau ar ôl y dyddiad cau angen rheswm a chymeradwyaeth y cadeirydd.
mail-call-the-meeting = Y cyfarfod
mail-call-open = Agor y cyfarfod
mail-call-why = Rydych yn cael hwn oherwydd eich bod ar { $body }.
mail-changed-title = Cyfarfod { $body } wedi newid
mail-changed-subject-cancelled = Wedi'i ganslo: cyfarfod { $body } ({ $when })
mail-changed-subject = Wedi newid: cyfarfod { $body } bellach { $when }
mail-changed-cancelled = Mae cyfarfod { $body } ({ $when }) wedi'i ganslo.
mail-changed-reason = Rheswm:
mail-changed-paper-cancelled = Ni fydd eich papur ar ei gyfer yn cael ei ystyried yn y cyfarfod hwnnw. Bydd yr ysgrifenyddiaeth yn dweud wrthych i ble y bydd yn mynd nesaf.
mail-changed-moved = Mae cyfarfod { $body } wedi newid. Y dyddiad a'r amser newydd: { $when }, yn { $location }.
mail-changed-deadlines = Dyma'r dyddiadau cau ar gyfer eich papur bellach:
mail-changed-papers-due = Papurau'n ddyledus:
mail-changed-agenda-published = Agenda wedi'i chyhoeddi:
mail-changed-see = Gweld y cyfarfod
mail-signoff-subject = Mae papur yn aros am eich cymeradwyaeth: { $title }
mail-signoff-submitted = Cyflwynodd { $author } "{ $title }" ({ $submitted }) a'ch enwi chi'n noddwr; mae wedi aros dau ddiwrnod gwaith am eich cymeradwyaeth.
mail-signoff-meeting = Mae ar gyfer cyfarfod { $body } ({ $when }).
mail-signoff-accept = Dim ond ar ôl i chi ei gymeradwyo y gall yr ysgrifenyddiaeth ei dderbyn. Mae papurau'n ddyledus erbyn { $deadline }.
mail-signoff-link = Darllen a chymeradwyo'r papur
mail-reset-subject = Dewiswch gyfrinair newydd ar gyfer Quorate
mail-reset-asked = Gofynnodd rhywun am ailosod cyfrinair eich cyfrif Quorate ({ $email }). Os chi oedd hynny, dewiswch gyfrinair newydd yma:
mail-reset-link = Dewis cyfrinair newydd
mail-copy-address = Neu copïwch y cyfeiriad hwn i'ch porwr:
mail-reset-expires = Mae'r ddolen yn gweithio unwaith, tan { $expires }. Mae dewis cyfrinair newydd yn eich allgofnodi ar bob dyfais arall.
mail-reset-ignore = Os na wnaethoch ofyn, gallwch anwybyddu'r neges hon: mae eich cyfrinair yn aros fel y mae. Os ydych yn dal i gael y negeseuon hyn, rhowch wybod i ysgrifenyddiaeth eich bwrdd.
mail-invitation-subject = Mae { $inviter } wedi eich gwahodd i Quorate
mail-invitation-title = Eich cyfrif Quorate
mail-invitation-given = Mae { $inviter } wedi rhoi cyfrif i chi ar Quorate, lle mae { $organisation } a'i bartneriaid yn paratoi papurau bwrdd, agendâu a chamau gweithredu.
mail-invitation-choose = Dewiswch eich cyfrinair yma:
mail-invitation-link = Dewis eich cyfrinair
mail-invitation-expires = Mae'r ddolen yn gweithio unwaith, tan { $expires }.
mail-invitation-ignore = Os nad oeddech yn disgwyl y neges hon, gallwch ei hanwybyddu.
mail-digest-subject = Eich crynodeb Quorate ar gyfer { $date }: { $count ->
    [one] 1 neges
   *[other] { $count } o negeseuon
}
mail-digest-title = Eich crynodeb Quorate ar gyfer { $date }
mail-digest-intro = Gofynnoch am bost arferol gan Quorate unwaith y dydd. Ers crynodeb ddoe:
mail-digest-settings = Newidiwch yr hyn y mae Quorate yn ei anfon atoch, neu cewch bob neges wrth iddi ddigwydd:
mail-digest-settings-link = Newid yr hyn y mae Quorate yn ei anfon atoch
mail-digest-settings-rest = , neu cewch bob neges wrth iddi ddigwydd.
mail-week-subject = Yr wythnos hon i { $body }: { $count ->
    [one] 1 peth i'w wneud
   *[other] { $count } o bethau i'w gwneud
}
mail-week-title = Yr wythnos hon i { $body }
mail-week-intro = Beth sy'n aros am ysgrifenyddiaeth { $body } yr wythnos hon:
mail-week-home = Mae eich tudalen gartref yn rhestru'r rhain wrth iddynt newid:
mail-week-home-link = Eich tudalen gartref
mail-week-home-rest = sy'n rhestru'r rhain wrth iddynt newid.
mail-undelivered = { $count ->
    [one] Ni ellid danfon 1 neges
   *[other] Ni ellid danfon { $count } o negeseuon
}
mail-action-open = Agor y cam gweithredu
mail-action-assigned-subject = Cam gweithredu newydd i chi: erbyn { $due }
mail-action-assigned = Mae { $body } wedi rhoi cam gweithredu i chi:
mail-action-due-on = Mae i fod erbyn { $due }.
mail-action-notes = Ychwanegwch nodiadau cynnydd a'i gau ar dudalen y cam gweithredu.
mail-action-redated-subject = Mae eich cam gweithredu bellach i fod erbyn { $due }
mail-action-redated = Mae'r dyddiad erbyn ar gyfer eich cam gweithredu i { $body } wedi newid:
mail-action-from-to = O { $from } i { $to }.
mail-action-why = Pam: { $reason }
mail-action-escalated-subject = Cam gweithredu hwyr wedi'i uwchgyfeirio: { $owner }
mail-action-escalated = Roedd cam gweithredu gan { $body } sy'n eiddo i { $owner } i fod erbyn { $due } ac mae'n fwy na 10 diwrnod gwaith yn hwyr:
mail-action-soon-subject = Cam gweithredu erbyn { $due }
mail-action-soon = Mae eich cam gweithredu i { $body } i fod erbyn { $due }:
mail-action-today-subject = Cam gweithredu i fod heddiw
mail-action-today = Mae eich cam gweithredu i { $body } i fod heddiw:
mail-action-overdue-subject = Cam gweithredu hwyr (erbyn { $due })
mail-action-overdue = Roedd eich cam gweithredu i { $body } i fod erbyn { $due } ac mae'n hwyr:
mail-action-what-now = Ychwanegwch nodyn cynnydd, caewch ef, neu gofynnwch i'r ysgrifenyddiaeth newid y dyddiad.
mail-action-withdrawn-subject = Cam gweithredu wedi'i dynnu'n ôl: { $body }
mail-action-withdrawn = Mae { $body } wedi tynnu'n ôl gam gweithredu a roddodd i chi: fe'i cofnodwyd mewn camgymeriad.
mail-action-nothing-more = Does dim angen i chi wneud dim mwy yn ei gylch.
mail-open-meeting = Agor y cyfarfod
