# Manylion problemau API (RFC 9457): teitl pob statws a'r manylion sefydlog.

problem-title-400 = Cais Gwallus
problem-title-401 = Heb ei Awdurdodi
problem-title-403 = Gwaharddedig
problem-title-404 = Heb ei Ganfod
problem-title-405 = Dull Heb ei Ganiatáu
problem-title-409 = Gwrthdaro
problem-title-412 = Rhagamod wedi Methu
problem-title-413 = Llwyth Rhy Fawr
problem-title-415 = Math o Gyfrwng Heb ei Gefnogi
problem-title-422 = Endid na ellir ei Brosesu
problem-title-429 = Gormod o Geisiadau
problem-title-500 = Gwall Mewnol y Gweinydd
problem-title-503 = Gwasanaeth ddim ar Gael
problem-detail-unauthenticated = Mewngofnodwch, neu anfonwch docyn API dilys fel 'Authorization: Bearer <token>'.
problem-detail-forbidden = Nid oes gennych ganiatâd i wneud hynny.
problem-detail-not-found = Does dim byd yn y cyfeiriad hwn.
problem-detail-method = Nid yw'r cyfeiriad hwn yn derbyn y dull hwnnw; mae'n derbyn { $allow }.
problem-detail-precondition = Mae rhywun arall wedi newid hyn ers i chi ei lwytho. Ail-lwythwch a rhowch gynnig arall arni.
problem-detail-too-many = Gormod o ymdrechion. Arhoswch funud a rhowch gynnig arall arni.
problem-detail-unavailable = Mae'r gwasanaeth yn brysur neu nid yw ei gronfa ddata ar gael. Rhowch gynnig arall arni cyn bo hir.
problem-detail-internal = Aeth rhywbeth o'i le ar ein hochr ni.
problem-reference = Cyfeirnod: { $reference }.
