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
