# Tudalen y cyfrif: y ffrwd calendr bersonol; ailosod cyfrinair a anghofiwyd.

calendar-new-title = Eich dolen calendr newydd
calendar-new-once = Ni chaiff ei dangos eto: tanysgrifiwch nawr, neu copïwch hi i'ch calendr.
# Yn agor yr ap calendr (Outlook, Apple Calendar) i danysgrifio.
calendar-subscribe = Tanysgrifio yn eich ap calendr
calendar-copy-label = Dolen calendr i'w chopïo
calendar-copy-hint = Dewiswch y ddolen gyfan a'i chopïo, yna ei hychwanegu yn eich calendr fel calendr o'r rhyngrwyd (Google Calendar: "From URL").

# Ailosod cyfrinair a anghofiwyd, o'r dudalen fewngofnodi.
login-forgotten = Wedi anghofio eich cyfrinair?
login-no-account = Os nad oes gennych gyfrif, gofynnwch i ysgrifenyddiaeth eich bwrdd.
reset-ask-title = Ailosod eich cyfrinair
reset-ask-intro = Rhowch y cyfeiriad e-bost rydych yn mewngofnodi ag ef. Byddwn yn anfon dolen i ddewis cyfrinair newydd.
reset-email-label = Cyfeiriad e-bost
reset-email-hint = Y cyfeiriad a roddodd ysgrifenyddiaeth eich bwrdd i Quorate, eich e-bost gwaith fel arfer.
reset-ask-button = Anfonwch ddolen ataf
reset-back-to-sign-in = Yn ôl i fewngofnodi
reset-sent-title = Gwiriwch eich e-bost
reset-sent-if = Os oes cyfrif Quorate ar gyfer
reset-sent-then = , rydym wedi anfon dolen ato i ddewis cyfrinair newydd.
reset-sent-works = { $minutes ->
    [one] Mae'r ddolen yn gweithio unwaith, o fewn { $minutes } munud.
   *[other] Mae'r ddolen yn gweithio unwaith, o fewn { $minutes } munud.
}
reset-sent-nothing = Dim byd yno ar ôl ychydig funudau? Gwiriwch eich ffolder sothach neu spam a bod y cyfeiriad yr un rydych yn mewngofnodi ag ef, yna gofynnwch eto. Gall ysgrifenyddiaeth eich bwrdd helpu hefyd.
reset-ask-again = Gofyn am ddolen newydd
reset-choose-title = Dewiswch gyfrinair newydd
reset-choose-for = Ar gyfer y cyfrif
reset-choose-signs-out = Mae ei gadw yn eich allgofnodi ar bob dyfais a phorwr arall.
reset-password-label = Cyfrinair newydd
reset-password-hint = O leiaf 12 nod. Mae ychydig eiriau digyswllt yn gwneud cyfrinair cryf.
reset-confirm-label = Teipiwch y cyfrinair newydd eto
reset-choose-button = Cadw'r cyfrinair a mewngofnodi
reset-invalid-title = Nid yw'r ddolen hon yn gweithio
reset-invalid-why = Mae dolen ailosod cyfrinair yn gweithio unwaith, am gyfnod byr. Mae hon wedi dod i ben, wedi'i defnyddio, neu wedi'i chopïo'n anghyflawn.
reset-too-many = Gormod o ymdrechion o'r fan hon. Arhoswch funud, yna rhowch gynnig arall arni.

# Beth mae Quorate yn ei e-bostio atoch (tudalen y cyfrif), a'r ddolen
# dad-danysgrifio mewn post arferol.
prefs-title = Beth mae Quorate yn ei e-bostio atoch
prefs-intro = Mae post arferol yn eich diweddaru am bapurau, camau gweithredu a chyfarfodydd. Chi sy'n dewis sut y daw a pha fathau a gewch.
prefs-delivery = Sut ddylai post arferol ddod?
prefs-immediate = Pob neges wrth iddi ddigwydd
prefs-daily = Unwaith y dydd, am 7am, mewn un e-bost
prefs-topics = Anfonwch ataf
prefs-topic-calls = Galwadau am bapurau, pan drefnir cyfarfod
prefs-topic-reminders = Nodiadau atgoffa cyn i'm papurau a'm camau gweithredu fod yn ddyledus
prefs-topic-updates = Diweddariadau: cofnodion drafft, canlyniadau cynigion, atgyfeiriadau a chamau gweithredu a dynnwyd yn ôl
prefs-topic-weekly = Crynodeb wythnosol yr ysgrifenyddiaeth, ar fore Llun
prefs-always = Anfonir bob amser ar unwaith, beth bynnag a ddewiswch: hysbysiadau o gyfarfodydd a'u hagendâu (mae'r gyfraith yn mynnu bod aelodau'n eu cael), ceisiadau i weithredu ar eich papurau eich hun, a negeseuon cyfrif a chyfrinair.
prefs-save = Cadw gosodiadau post
unsub-ask-title = Dad-danysgrifio o'r post hwn
unsub-ask-for = Mae hyn yn atal Quorate rhag anfon
unsub-button = Dad-danysgrifio
unsub-still = Bydd hysbysiadau o gyfarfodydd, eu hagendâu a phost yn gofyn i chi weithredu ar eich papurau eich hun yn dal i ddod. Gallwch droi unrhyw un o'r rhain yn ôl ymlaen o dudalen eich cyfrif.
unsub-done-title = Rydych wedi dad-danysgrifio
unsub-done-what = Ni fydd Quorate yn anfon atoch mwyach
unsub-settings = Newid yr hyn y mae Quorate yn ei anfon atoch (mewngofnodwch yn gyntaf)
unsub-invalid-title = Nid yw'r ddolen dad-danysgrifio hon yn gweithio
unsub-invalid-why = Efallai ei bod wedi'i chopïo'n anghyflawn, neu ei bod o'r cyfnod cyn i allweddi'r wefan gael eu newid. Mewngofnodwch i ddewis beth mae Quorate yn ei anfon atoch.
unsub-what-calls = galwadau am bapurau
unsub-what-reminders = nodiadau atgoffa cyn i'ch papurau a'ch camau gweithredu fod yn ddyledus
unsub-what-updates = diweddariadau (cofnodion drafft, canlyniadau cynigion, atgyfeiriadau a chamau gweithredu a dynnwyd yn ôl)
unsub-what-weekly = crynodeb wythnosol yr ysgrifenyddiaeth
unsub-what-all = post arferol: galwadau am bapurau, nodiadau atgoffa, diweddariadau a chrynodebau

# Cofrestr buddiannau person (/people/{id}/interests).
interests-title = Cofrestr buddiannau
interests-sits-on = Yn aelod o:
interests-threshold = Cofrestrir rhoddion a lletygarwch o
interests-published = Mae { $organisation } yn cyhoeddi cofrestrau ei phobl: mae'r dudalen hon yn gyhoeddus.
interests-not-published = Nid yw { $organisation } yn cyhoeddi cofrestrau ei phobl: dim ond ei pherchennog, ysgrifenyddiaeth eu cyrff a gweinyddwyr sy'n gweld y dudalen hon.
interests-current = Buddiannau a ddelir nawr
interests-past = Buddiannau sydd wedi dod i ben
interests-none = Dim buddiannau wedi'u cofrestru.
interests-kind = Math o fuddiant
interests-choose-kind = Dewiswch y math
interests-description = Beth ydyw
interests-description-hint = Y cyflogwr a'r rôl, y contract, y tir, y corff, neu'r rhodd a phwy a'i rhoddodd.
interests-organisation = Y sefydliad y mae'n ei enwi
interests-no-organisation = Dim un o'r rhain
interests-value = Gwerth
interests-value-label = Gwerth, ar gyfer rhoddion a lletygarwch (£)
interests-value-hint = Mewn punnoedd, fel 75 neu 75.50. Gadewch yn wag ar gyfer mathau eraill.
interests-from = O
interests-to = I
interests-from-label = Pryd y dechreuodd
interests-to-label = Pryd y daeth i ben (gadewch yn wag tra bo'n parhau)
interests-end-summary = Dod i ben neu dynnu
interests-ended-on = Pryd y daeth i ben
interests-end-button = Dod â'r buddiant hwn i ben
interests-remove = Tynnu (cofrestrwyd trwy gamgymeriad)
interests-add = Cofrestru buddiant
interests-add-button = Cofrestru'r buddiant
interests-kind-employment = Cyflogaeth, swydd, crefft neu broffesiwn
interests-kind-contracts = Contractau
interests-kind-land = Tir ac eiddo
interests-kind-memberships = Aelodaeth o gyrff eraill
interests-kind-gifts = Rhoddion a lletygarwch
label-interest-start = dyddiad y dechreuodd
label-interest-end = dyddiad y daeth i ben

# Gwrthdaro buddiannau tebygol, ar adeiladwr yr agenda a briff aelod.
conflicts-heading = Gwrthdaro buddiannau tebygol
conflicts-intro = Buddiannau cofrestredig sy'n enwi'r sefydliad sy'n cyflwyno eitem, neu bartner yr ymgynghorwyd ag ef ar ei bapur. Gofynnir i aelodau ystyried eu datgan.
conflicts-register = Cofrestr buddiannau
conflict-line = { $item }: mae { $member } wedi cofrestru buddiant yn { $organisation } ({ $kind }: { $description }).
interests-yours = Eich cofrestr buddiannau

# Gweinyddu → Sefydliadau: polisi pob sefydliad ar gyfer cofrestrau buddiannau ei bobl.
org-registers = Cofrestrau buddiannau
org-registers-published = Cyhoeddir
org-registers-private = Ni chyhoeddir
org-gift-threshold = Cofrestrir rhoddion a lletygarwch o (£)
org-publish-registers = Cyhoeddi cofrestrau ei bobl ar eu proffiliau
org-save-policy = Cadw'r polisi

# Y gosodiad iaith (mae'r togl yn y pennawd yn ei anfon hefyd).
language-choose = Dewiswch English neu Cymraeg.

# The sign-in page.
login-title = Mewngofnodi
login-email = Cyfeiriad e-bost
login-password = Cyfrinair
login-button = Mewngofnodi
account-title = Eich cyfrif
account-name = Enw
account-email = Cyfeiriad e-bost
account-organisation = Sefydliad
account-roles = Rolau
account-no-roles = Dim eto
account-sessions = Ble rydych wedi mewngofnodi
account-sessions-caption = Eich sesiynau
account-signed-in = Wedi mewngofnodi
account-last-used = Defnyddiwyd ddiwethaf
account-from = O
account-this-browser = Y porwr hwn
account-sign-out-everywhere = Allgofnodi ym mhobman
account-password = Newid eich cyfrinair
account-password-intro = Mae ei newid yn eich allgofnodi ym mhobman arall.
account-current-password = Cyfrinair presennol
account-new-password = Cyfrinair newydd
account-new-password-hint = O leiaf 12 nod.
account-confirm-password = Teipiwch y cyfrinair newydd eto
account-password-button = Newid y cyfrinair
account-calendar = Ffrwd eich calendr
account-calendar-intro = Eich cyfarfodydd a dyddiadau cau papurau, yn Outlook, Google neu Apple Calendar. Gall unrhyw un sydd â'r ddolen ei darllen: os yw'n mynd ar led, gwnewch un newydd a bydd yr hen un yn peidio â gweithio.
account-calendar-on = Mae eich ffrwd ymlaen. Dangoswyd ei dolen unwaith, pan wnaethoch hi; os ydych wedi'i cholli, gwnewch un newydd.
account-calendar-renew = Gwneud dolen newydd (bydd yr hen un yn peidio â gweithio)
account-calendar-make = Gwneud dolen calendr
account-calendar-off = Diffodd y ffrwd
account-tokens = Tocynnau API
account-tokens-intro = Mae sgriptiau a systemau eraill yn defnyddio tocyn i weithredu ar eich rhan drwy'r API.
account-tokens-docs = Dogfennaeth yr API
account-new-token = Eich tocyn newydd
account-new-token-once = Copïwch ef nawr: ni chaiff ei ddangos eto.
account-tokens-caption = Eich tocynnau API
account-token-label = Label
account-token-created = Crëwyd
account-token-status = Statws
account-token-revoked = Wedi'i ddirymu
account-token-revoke = Dirymu
account-token-for = I beth mae'r tocyn?
account-token-for-hint = Er enghraifft, 'sgript allforio agendâu'.
account-token-create = Creu tocyn
account-never = Byth
login-email-required = Rhowch eich cyfeiriad e-bost.
login-password-required = Rhowch eich cyfrinair.
login-rate-limited = Gormod o ymdrechion i fewngofnodi. Arhoswch funud a rhowch gynnig arall arni.
login-invalid = Rhowch gyfeiriad e-bost a chyfrinair cywir.
invitation-invalid = Mae'r ddolen hon wedi dod i ben neu wedi'i defnyddio eisoes. Gofynnwch i ysgrifenyddiaeth eich bwrdd anfon gwahoddiad newydd.
invitation-title = Dewiswch eich cyfrinair
invitation-welcome = Croeso, { $name }. Byddwch yn mewngofnodi gyda { $email }.
invitation-password = Cyfrinair
invitation-password-hint = O leiaf 12 nod. Mae ychydig o eiriau digyswllt yn gwneud cyfrinair cryf.
invitation-confirm = Teipiwch y cyfrinair eto
invitation-button = Cadw'r cyfrinair a mewngofnodi
password-current-wrong = Nid yw eich cyfrinair presennol yn gywir.
password-mismatch = Nid yw'r ddau gyfrinair yr un fath.
password-too-short = Rhaid i'ch cyfrinair fod o leiaf { $min } nod o hyd.
password-too-long = Rhaid i'ch cyfrinair fod yn { $max } nod neu lai.
password-is-email = Ni chaiff eich cyfrinair fod yr un peth â'ch cyfeiriad e-bost.
