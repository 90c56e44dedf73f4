# Y gyfraith y mae corff yn gweithredu odani (ei broffil rheolau): tudalen y
# corff, ffurflen y papur a'r dudalen "pam y'i cyfyngir".

rules-heading = Y rheolau y mae'r corff hwn yn eu dilyn
rules-sources = Ffynonellau

rules-name-england = Lloegr: Deddf Llywodraeth Leol 1972, Rhan VA
rules-name-wales = Cymru: Deddf Llywodraeth Leol 1972, Rhan VA fel y mae'n gymwys yng Nghymru
rules-name-wales-psb = Cymru: Bwrdd Gwasanaethau Cyhoeddus (Deddf Llesiant Cenedlaethau'r Dyfodol (Cymru) 2015)
rules-name-scotland = Yr Alban: Deddf Llywodraeth Leol (Yr Alban) 1973, Rhan IIIA
rules-name-nhs-1960 = Cyrff y GIG: Deddf Cyrff Cyhoeddus (Derbyn i Gyfarfodydd) 1960

rules-summary-england = Mae cyfarfodydd yn agored i'r cyhoedd. Cyhoeddir yr agenda a'r papurau o leiaf 5 diwrnod clir cyn y cyfarfod. Dim ond ar gyfer gwybodaeth eithriedig ym mharagraffau 1 i 7 o Atodlen 12A y gellir gwahardd y cyhoedd, pan fo budd y cyhoedd mewn ei chadw'n breifat yn drech na'r budd mewn ei datgelu. Mae cworwm pan fo traean o'r aelodau sy'n pleidleisio, ac o leiaf 3, yn bresennol; dim ond aelodau sy'n bresennol yn gorfforol sy'n cyfrif.
rules-summary-wales = Mae cyfarfodydd yn agored i'r cyhoedd. Cyhoeddir yr hysbysiad a'r agenda o leiaf 3 diwrnod clir cyn y cyfarfod, ac maent yn dweud sut i fynychu o bell. Dim ond ar gyfer gwybodaeth eithriedig ym mharagraffau 12 i 18 o Atodlen 12A y gellir gwahardd y cyhoedd, gyda'r prawf budd y cyhoedd wedi'i gofnodi ar gyfer pob eitem. Mae cworwm pan fo traean o'r aelodau sy'n pleidleisio, ac o leiaf 3, yn bresennol; mae aelodau sy'n mynychu o bell yn cyfrif.
rules-summary-wales-psb = Bwrdd Gwasanaethau Cyhoeddus statudol. Mae'r hysbysiad, yr agenda a gwybodaeth eithriedig fel ar gyfer cynghorau yng Nghymru: 3 diwrnod clir, paragraffau 12 i 18 o Atodlen 12A gyda'r prawf budd y cyhoedd wedi'i gofnodi. Dim ond pan fo pob aelod statudol yn bresennol, yn y cnawd, o bell neu drwy ei ddirprwy dynodedig, y mae cworwm.
rules-summary-scotland = Mae cyfarfodydd yn agored i'r cyhoedd. Cyhoeddir yr agenda a'r papurau o leiaf 3 diwrnod clir cyn y cyfarfod. Gellir gwahardd y cyhoedd ar gyfer gwybodaeth eithriedig yn Rhan I o Atodlen 7A (paragraffau 1 i 15). Mae cworwm pan fo traean o'r aelodau sy'n pleidleisio, ac o leiaf 3, yn bresennol; mater i reolau sefydlog y corff yw a yw presenoldeb o bell yn cyfrif.
rules-summary-nhs-1960 = Mae cyfarfodydd yn agored i'r cyhoedd. Rhoddir hysbysiad o leiaf 3 diwrnod clir cyn y cyfarfod. Nid oes catalog o wybodaeth eithriedig: gwaherddir y cyhoedd drwy benderfyniad y byddai cyhoeddusrwydd yn niweidiol i fudd y cyhoedd, oherwydd natur gyfrinachol y busnes neu am resymau arbennig a nodir yn y penderfyniad. Mae cworwm pan fo traean o'r aelodau sy'n pleidleisio, ac o leiaf 3, yn bresennol; mater i reolau sefydlog y corff yw a yw presenoldeb o bell yn cyfrif.

rules-catalogue-england = Categori Atodlen 12A
rules-catalogue-wales = Paragraff Atodlen 12A (Rhan 4, Cymru)
rules-catalogue-scotland = Paragraff Atodlen 7A
rules-catalogue-nhs-1960 = Sail dros wahardd y cyhoedd (Deddf 1960, adran 1(2))

rules-admin-intro = Mae cyrff newydd yn cymryd eu cyfnod hysbysu, paragraffau eithriedig, cworwm a phresenoldeb o bell o'r rheolau y maent yn eu dilyn; mae papurau'n ddyledus 5 diwrnod gwaith cyn cyhoeddi, am 12:00.
rules-admin-label = Rheolau y mae'r corff yn eu dilyn
rules-admin-hint = Y gyfraith y mae ei gyfarfodydd yn gweithredu odani. Mae angen pob aelod statudol, neu ei ddirprwy dynodedig, ar Fwrdd Gwasanaethau Cyhoeddus yng Nghymru ar gyfer cworwm.

rules-public-interest-label = Prawf budd y cyhoedd
rules-public-interest-hint = Pam mae budd y cyhoedd mewn cadw hyn yn gyfrinachol yn drech na budd y cyhoedd mewn ei ddatgelu. Cyhoeddir hyn gyda'r agenda.

restricted-title = Pam y cyfyngir eitem { $number }
restricted-intro = Gellir gwahardd y cyhoedd a'r wasg o'r cyfarfod tra trafodir yr eitem hon, ac ni chyhoeddir ei phapurau.
restricted-paragraph = Y rheswm yn ôl y gyfraith
restricted-public-interest = Y prawf budd y cyhoedd
restricted-public-interest-missing = Ni chofnodwyd prawf budd y cyhoedd ar gyfer yr eitem hon.
restricted-rules = Y rheolau y mae'r corff hwn yn eu dilyn
restricted-back = Yn ôl i'r agenda
restricted-link = Pam y'i cyfyngir

# Gweinyddu → Cyrff: sut y cofnodir pleidleisiau, a phryd mae'r nodyn penderfyniadau'n ddyledus.
policy-votes-by-name = Cofnodi pleidlais pob aelod wrth ei enw (fel arall cofnodir pleidleisiau fesul cyfrif)
policy-decision-note-days = Nodyn penderfyniadau'n ddyledus o fewn (diwrnodau gwaith ar ôl y cyfarfod)
policy-decision-note-days-hint = O 1 i 30. 2 fel arfer; rheol cyngor cymuned yng Nghymru yw 7.

# Citing an exempt paragraph: on agendas, papers and the "why restricted" page.
rules-cite-12a = Atodlen 12A, paragraff { $n }
rules-cite-7a = Atodlen 7A, paragraff { $n }
rules-cite-1960 = adran 1(2), sail { $n }
rules-label-category = categori { $n }
policy-bilingual = Ieithoedd
policy-bilingual-hint = Mae corff dwyieithog yn cadw'r hyn a ysgrifennir yn Gymraeg ac yn Saesneg, ac yn cyhoeddi ei agenda dim ond pan fydd y ddwy iaith yn gyflawn.
policy-bilingual-rules = Fel y dywed y rheolau (Cymraeg a Saesneg yng Nghymru)
policy-bilingual-yes = Cymraeg a Saesneg
policy-bilingual-no = Saesneg yn unig
policy-translation-days = Cyfieithiadau'n ddyledus (diwrnodau gwaith cyn cyhoeddi)
policy-translation-days-hint = O 0 i 30. 3 fel arfer.
rules-wales-12 = Gwybodaeth yn ymwneud ag unigolyn penodol.
rules-wales-13 = Gwybodaeth sy'n debygol o ddatgelu pwy yw unigolyn.
rules-wales-14 = Gwybodaeth yn ymwneud â materion ariannol neu fusnes unrhyw berson penodol (gan gynnwys yr awdurdod sy'n dal y wybodaeth honno).
rules-wales-15 = Gwybodaeth yn ymwneud ag unrhyw ymgynghoriadau neu drafodaethau, neu ymgynghoriadau neu drafodaethau arfaethedig, mewn cysylltiad ag unrhyw fater cysylltiadau llafur sy'n codi rhwng yr awdurdod neu un o Weinidogion y Goron a chyflogeion yr awdurdod neu ddeiliaid swyddi oddi tano.
rules-wales-16 = Gwybodaeth y gellid cynnal hawliad i fraint broffesiynol gyfreithiol mewn perthynas â hi mewn achos cyfreithiol.
rules-wales-17 = Gwybodaeth sy'n datgelu bod yr awdurdod yn bwriadu rhoi hysbysiad o dan unrhyw ddeddfiad sy'n gosod gofynion ar berson, neu wneud gorchymyn neu gyfarwyddyd o dan unrhyw ddeddfiad.
rules-wales-18 = Gwybodaeth yn ymwneud ag unrhyw gamau a gymerwyd neu sydd i'w cymryd mewn cysylltiad ag atal troseddau, ymchwilio iddynt neu eu herlyn.
rules-exempt-information = gwybodaeth eithriedig

# Quorum that can never be met (the body's page and the meeting record).
quorum-too-few-voting = { $count ->
    [one] Mae gan y corff 1 aelod â phleidlais, llai na'r 3 sydd eu hangen ar gyfer cworwm.
   *[other] Mae gan y corff { $count } aelod â phleidlais, llai na'r 3 sydd eu hangen ar gyfer cworwm.
}
quorum-no-statutory-members = Nid oes gan y corff aelodau statudol, felly ni all ei gyfarfodydd fyth fod yn gworwm: mae Bwrdd Gwasanaethau Cyhoeddus yn gworwm dim ond pan fydd pob un ohonynt yn bresennol.
preflight-after-deadline = Mae'r dyddiad cau ar gyfer cyhoeddi wedi mynd heibio: rhowch reswm, a ddangosir ar yr agenda gyhoeddus.
