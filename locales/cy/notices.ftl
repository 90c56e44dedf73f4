# Baneri a ddangosir ar ôl gweithred: beth a wnaed, mewn brawddeg.

notice-password-set = Mae eich cyfrinair wedi'i gadw ac rydych wedi mewngofnodi.
notice-password-reset = Mae eich cyfrinair newydd wedi'i gadw ac rydych wedi mewngofnodi. Mae pob mewngofnodiad arall wedi dod i ben.
notice-password-changed = Mae eich cyfrinair wedi'i newid. Mae sesiynau eraill wedi'u hallgofnodi.
notice-token-revoked = Mae'r tocyn wedi'i ddirymu ac nid yw'n gweithio mwyach.
notice-mail-saved = Mae eich gosodiadau e-bost wedi'u cadw.
notice-organisation-added = Sefydliad wedi'i ychwanegu.
notice-invitation-sent = Gwahoddiad wedi'i anfon. Bydd yn mynd gyda'r rhediad e-bost nesaf.
notice-body-added = Corff wedi'i ychwanegu.
notice-member-saved = Aelodaeth wedi'i chadw.
notice-member-removed = Aelod wedi'i ddileu.
notice-priority-added = Blaenoriaeth wedi'i hychwanegu.
notice-priority-retired = Blaenoriaeth wedi'i hymddeol.
notice-signed-out = Rydych wedi allgofnodi.
notice-signed-out-everywhere = Rydych wedi allgofnodi ar bob dyfais a phorwr.
notice-action-updated = Cam gweithredu wedi'i ddiweddaru.
notice-attendance-saved = Presenoldeb wedi'i gadw.
notice-notes-saved = Nodiadau wedi'u cadw.
notice-declaration-recorded = Datganiad wedi'i gofnodi.
notice-interest-added = Buddiant wedi'i gofrestru.
notice-interest-policy-saved = Wedi'i gadw. Mae'r cofrestrau'n dilyn y polisi newydd ar unwaith.
notice-interest-ended = Buddiant wedi dod i ben. Mae'n aros yn y gofrestr gyda'r diwrnod y daeth i ben.
notice-interest-removed = Buddiant wedi'i dynnu o'r gofrestr.
notice-interest-declared = Buddiant wedi'i ddatgan. Mae'r ysgrifenyddiaeth yn ei weld ar gofnod y cyfarfod.
notice-movement-recorded = Wedi'i gofnodi. Mae cworwm yr eitem yn cyfrif dim ond y rhai sydd yn yr ystafell.
notice-movement-removed = Wedi'i ddileu.
notice-decision-note-published = Nodyn penderfyniadau wedi'i gyhoeddi. Mae ar dudalen y cyfarfod ac yn y ffrwd.
notice-decision-recorded = Penderfyniad wedi'i gofnodi.
notice-decision-corrected = Penderfyniad wedi'i gywiro. Cedwir y rheswm yn y log archwilio.
notice-decision-withdrawn = Penderfyniad wedi'i dynnu'n ôl. Mae'n cadw ei rif, wedi'i farcio'n dynnu'n ôl gyda'r rheswm.
notice-action-recorded = Cam gweithredu wedi'i gofnodi. Dywedir wrth ei berchennog drwy e-bost.
notice-action-corrected = Cam gweithredu wedi'i gywiro. Cedwir y rheswm yn y log archwilio ac yn hanes y cam gweithredu.
notice-action-withdrawn = Cam gweithredu wedi'i dynnu'n ôl. Dywedir wrth ei berchennog; mae'r log archwilio'n cadw'r hyn a ddywedai a pham.
notice-minutes-saved = Cofnodion wedi'u cadw.
notice-mail-retried = Anfonir y neges eto yn y rhediad e-bost nesaf.
notice-mail-cancelled = Mae'r neges wedi'i chanslo ac ni chaiff ei hanfon.
notice-minutes-redrafted = Cofnodion wedi'u hailddrafftio o gofnod y cyfarfod.
notice-minutes-circulated = Cofnodion drafft wedi'u cadw a'u dosbarthu i aelodau.
notice-minutes-approved = Cofnodion wedi'u cymeradwyo, eu rhewi a'u cyhoeddi.
notice-paper-saved = Drafft wedi'i gadw.
notice-paper-version-saved = Drafft wedi'i gadw, a'i gadw fel fersiwn yn ei hanes.
notice-attachment-added = Atodiad wedi'i ychwanegu.
notice-paper-submitted = Papur wedi'i gyflwyno. Bydd yr ysgrifenyddiaeth yn ei wirio; gofynnwyd i'r noddwr ei gymeradwyo.
notice-paper-sign-off = Mae eich cymeradwyaeth wedi'i chofnodi.
notice-paper-accept = Papur wedi'i dderbyn ar gyfer yr agenda.
notice-paper-return = Papur wedi'i ddychwelyd i'w awdur, y dywedwyd wrtho pam.
notice-paper-withdraw = Papur wedi'i dynnu'n ôl.
notice-paper-late-decision = Mae eich penderfyniad wedi'i gofnodi a dywedwyd wrth yr awdur.
notice-holidays-imported = Gwyliau banc wedi'u mewnforio. Mae'r dyddiadau cau bellach yn defnyddio'r calendrau newydd.
notice-item-proposed = Eitem wedi'i chynnig. Bydd yr ysgrifenyddiaeth yn penderfynu ac yn dweud wrthych.
notice-proposal-decided = Penderfyniad wedi'i gofnodi. Dywedwyd wrth y cynigydd.
notice-meeting-scheduled = Cyfarfod wedi'i drefnu. Mae ei ddyddiadau cau isod.
notice-meeting-changed = Cyfarfod wedi newid. Dywedir wrth awduron ei bapurau drwy e-bost.
notice-meeting-cancelled = Cyfarfod wedi'i ganslo. Dywedir wrth awduron ei bapurau drwy e-bost.
notice-agenda-published = Fersiwn { $version } o'r agenda wedi'i chyhoeddi a'i hanfon at { $count ->
    [zero] { $count } aelod
    [one] { $count } aelod
    [two] { $count } aelod
    [few] { $count } aelod
    [many] { $count } aelod
   *[other] { $count } aelod
}.
