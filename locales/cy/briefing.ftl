# Briff yr aelodau: ar ei dudalen, ym mhecyn yr aelodau ac yn y PDF.

# Uwchben argymhellion eitem sy'n gofyn am benderfyniad.
brief-decision-asked = Penderfyniad y gofynnir amdano
# Uwchben argymhellion eitem i'w thrafod neu er gwybodaeth.
brief-recommendations = Argymhellion
# Yn y briff PDF: pwy sy'n cyflwyno'r eitem, ac ar ran pa bartner.
brief-presented-by = Cyflwynir gan

# Buddiannau aelod ar ei friff.
brief-interests = Eich buddiannau
brief-no-conflicts = Nid oes dim ar yr agenda hon yn enwi sefydliad yn eich cofrestr buddiannau.
brief-conflicts = Mae eich cofrestr buddiannau yn enwi sefydliad sy'n rhan o'r agenda hon. Ystyriwch a ddylech ddatgan buddiant:
brief-declared = Rydych wedi datgan:
brief-declare-summary = Datgan buddiant
brief-declare-item = Eitem
brief-declare-choose = Dewiswch yr eitem
brief-declare-interest = Eich buddiant
brief-declare-hint = Beth ydyw, fel y dylai ymddangos yn y cofnod: er enghraifft, "Ymddiriedolwr Ymddiriedolaeth Tai Northshire".
brief-declare-button = Datgan y buddiant

# Y gofynion briffio y mae'n rhaid i daflen glawr eu bodloni.
brief-title-required = Rhowch deitl.
brief-item-type-required = Dywedwch a yw'r eitem er penderfyniad, i'w thrafod neu er gwybodaeth.
brief-organisation-required = Dewiswch y sefydliad sy'n cyflwyno.
brief-presenter-required = Dewiswch pwy fydd yn cyflwyno'r eitem.
brief-sponsor-required = Dewiswch y noddwr: prif swyddog y sefydliad sy'n cyflwyno.
brief-sponsor-organisation = Rhaid i'r noddwr berthyn i'r sefydliad sy'n cyflwyno.
brief-sponsor-is-author = Dewiswch noddwr heblaw chi eich hun: y noddwr sy'n cymeradwyo'r papur ar ran y sefydliad.
brief-purpose-required = Rhowch ddiben y papur.
brief-summary-required = Rhowch grynodeb gweithredol.
brief-recommendation-required = Mae eitem benderfynu angen o leiaf un argymhelliad.
brief-equality-required = Crynhowch yr asesiad effaith ar gydraddoldeb, neu dywedwch pam nad oes angen un.
brief-eia-required = Dywedwch a wnaed asesiad effaith ar gydraddoldeb neu nad oes angen un.
brief-welsh-language-required = Nodwch yr effeithiau ar y Gymraeg: ar gyfleoedd i ddefnyddio'r Gymraeg ac ar beidio â'i thrin yn llai ffafriol na'r Saesneg.
brief-priority-invalid = Dewiswch un o flaenoriaethau gweithredol y corff.
brief-priority-required = Dewiswch y flaenoriaeth y mae'r eitem yn ei gwasanaethu, neu dywedwch pam nad yw'n gwasanaethu un.
brief-body-required = Ysgrifennwch gorff y papur.
brief-public-interest-required = Dywedwch pam mae budd y cyhoedd mewn cadw'r papur yn gyfrinachol yn drech na budd y cyhoedd mewn ei ddatgelu.
brief-exempt-reason-required = Rhowch y rheswm pam mae'r papur wedi'i eithrio.
brief-consulted-required = Mae eitem benderfynu angen ymgynghori ag o leiaf un sefydliad partner arall.
brief-purpose-too-long = Mae gan y diben { $words } o eiriau; y terfyn yw { $limit }.
brief-summary-too-long = Mae gan y crynodeb gweithredol { $words } o eiriau; y terfyn yw { $limit }.
brief-body-too-long = Mae gan y papur { $words } o eiriau; y terfyn yw { $limit }.
brief-one-sentence = Rhaid i argymhelliad { $number } fod yn un frawddeg.
brief-financial-required = Nodwch y goblygiadau ariannol, neu ysgrifennwch "dim".
brief-legal-required = Nodwch y goblygiadau cyfreithiol, neu ysgrifennwch "dim".
brief-risk-required = Nodwch y goblygiadau risg, neu ysgrifennwch "dim".
brief-environment-required = Nodwch y goblygiadau i'r amgylchedd a'r hinsawdd, neu ysgrifennwch "dim".
