# Y datganiad hygyrchedd (/accessibility), y mae'n rhaid i gyrff cyhoeddus y DU
# ei gyhoeddi (Rheoliadau Hygyrchedd Cyrff y Sector Cyhoeddus (Gwefannau a
# Rhaglenni Symudol) 2018). Mae'n dilyn datganiad enghreifftiol GOV.UK.

a11y-title = Datganiad hygyrchedd
a11y-applies = Mae'r datganiad hwn yn berthnasol i bapurau cyfarfodydd, agendâu, penderfyniadau a chamau gweithredu a gyhoeddir yn
a11y-run-by = Fe'i rhedir gan
a11y-want = Rydym am i gynifer o bobl â phosibl allu ei ddefnyddio. Er enghraifft, dylech allu:
a11y-can-colours = newid lliwiau, lefelau cyferbyniad a ffontiau gan ddefnyddio gosodiadau eich porwr neu'ch dyfais
a11y-can-zoom = chwyddo hyd at 400% heb i'r testun lifo oddi ar y sgrin, a darllen pob tudalen ar ffôn
a11y-can-keyboard = cyrraedd pob dolen, botwm a maes ffurflen gan ddefnyddio bysellfwrdd yn unig, a gweld ble rydych chi
a11y-can-voice = defnyddio pob ffurflen gyda meddalwedd adnabod lleferydd: mae gan bob maes label gweladwy
a11y-can-reader = gwrando ar y wefan gan ddefnyddio darllenydd sgrin (gan gynnwys fersiynau diweddaraf JAWS, NVDA a VoiceOver)
a11y-abilitynet = Os oes gennych anabledd, mae cyngor ar wneud eich dyfais yn haws ei defnyddio ar gael yn
a11y-how-title = Pa mor hygyrch yw'r wefan hon
a11y-how-intro = Gwyddom nad yw rhai rhannau'n gwbl hygyrch:
a11y-known-appendices = mae atodiadau i bapurau (ffeiliau PDF, Word ac Excel) yn cael eu hysgrifennu gan y sefydliadau partner ac efallai nad ydynt yn hygyrch; mae'r papur ei hun a'i ddalen glawr bob amser yn dudalen we
a11y-known-packs = mae PDFs pecyn y bwrdd yn cael eu cysodi gan Quorate ac nid ydynt wedi'u tagio ar gyfer darllenwyr sgrin eto; mae pob papur mewn pecyn hefyd yn dudalen we, gyda dolen iddi o dudalen y cyfarfod
a11y-known-feeds = mae ffeiliau calendr a lawrlwythiadau data (CSV) ar gyfer meddalwedd arall, ac fe'u disgrifir ar eu tudalennau eu hunain
a11y-contact-title = Adborth a gwybodaeth gyswllt
a11y-contact-intro = Os dewch o hyd i broblem, neu os oes angen papur, agenda neu gofnodion arnoch mewn fformat arall (PDF hygyrch, print bras, hawdd ei ddarllen, sain neu braille), cysylltwch â ni:
a11y-email = E-bost:
a11y-phone = Ffôn:
a11y-reply = { $days ->
    [one] Byddwn yn ateb o fewn { $days } diwrnod gwaith.
   *[other] Byddwn yn ateb o fewn { $days } diwrnod gwaith.
}
a11y-enforcement-title = Y weithdrefn orfodi
a11y-enforcement = Y Comisiwn Cydraddoldeb a Hawliau Dynol (EHRC) sy'n gyfrifol am orfodi'r rheoliadau hygyrchedd. Os nad ydych yn fodlon ar y ffordd yr ydym yn ymateb i'ch cwyn, cysylltwch â'r
a11y-eass = Gwasanaeth Cynghori a Chymorth Cydraddoldeb (EASS)
a11y-technical-title = Gwybodaeth dechnegol am hygyrchedd y wefan hon
a11y-committed = Mae ei chyhoeddwr wedi ymrwymo i'w gwneud yn hygyrch, yn unol â Rheoliadau Hygyrchedd Cyrff y Sector Cyhoeddus (Gwefannau a Rhaglenni Symudol) (Rhif 2) 2018.
a11y-status-title = Statws cydymffurfio
a11y-status = Mae'r wefan hon yn cydymffurfio'n rhannol â safon AA fersiwn 2.2 y Canllawiau Hygyrchedd Cynnwys y We, oherwydd yr achosion o ddiffyg cydymffurfio a restrir uchod (atodiadau a PDFs pecyn y bwrdd).
a11y-tested-title = Sut y profwyd y wefan hon
a11y-tested = Profir pob fersiwn o Quorate ym mhorwr Chromium gyda rheolau WCAG 2.2 A ac AA axe-core, ar led bwrdd gwaith (1280 picsel) a lled ffôn (390 picsel), a gwirir pob tudalen am sgrolio i'r ochr ar ffôn. Mae'r profion yn mewngofnodi fel pob math o ddefnyddiwr ac yn defnyddio'r ffurflenni fel y mae pobl yn eu defnyddio: canfyddir meysydd wrth eu labeli a botymau wrth eu geiriau. Mae'r cyflyrau tudalen hyn yn pasio:
a11y-checked-list = Y cyflyrau tudalen a wiriwyd
a11y-manual = Dim ond rhai problemau y mae gwiriadau awtomatig yn eu canfod. Dywedwch wrthym am unrhyw rai a welwch.
a11y-prepared-title = Paratoi'r datganiad hwn
a11y-prepared = Gwneir y datganiad hwn gan y feddalwedd o'i chyfluniad ac o'r cyflyrau tudalen a wirir gan ei phrofion porwr, ac mae'n gyfredol ar gyfer Quorate
