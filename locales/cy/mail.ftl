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
