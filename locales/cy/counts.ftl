# Brawddegau â rhifau ynddynt. Mae pob rhif yn dewis ei ffurf luosog ei hun.

# Tudalen dilyn drwodd corff, o dan ei phennawd.
follow-summary = { $total ->
    [one] 1 cam gweithredu
   *[other] { $total } cam gweithredu
}: { $done } wedi'u cwblhau ({ $on_time } mewn pryd), { $overdue } yn hwyr.
follow-summary-none = Dim camau gweithredu wedi'u cofnodi eto.
# Tudalen dilyn drwodd sefydliad, o dan ei phennawd.
org-follow-summary = { $total ->
    [one] 1 cam gweithredu
   *[other] { $total } cam gweithredu
} yn eiddo iddo ar draws { $bodies ->
    [one] 1 corff
   *[other] { $bodies } corff
}; { $overdue } yn hwyr.
org-follow-summary-none = Dim camau gweithredu yn eiddo iddo eto.
# Ar ôl llwytho log camau gweithredu.
actions-imported = Mewnforiwyd { $imported ->
    [one] 1 cam gweithredu
   *[other] { $imported } cam gweithredu
} (hepgorwyd { $skipped ->
    [one] 1 rhes
   *[other] { $skipped } rhes
}).
actions-imported-none = Ni fewnforiwyd dim.
# `quorate import-actions`, pan fydd wedi gorffen.
cli-actions-imported = Mewnforiwyd { $imported ->
    [one] 1 cam gweithredu
   *[other] { $imported } cam gweithredu
} (hepgorwyd { $skipped ->
    [one] 1 rhes
   *[other] { $skipped } rhes
}) mewn { $seconds } e ({ $rate } rhes yr eiliad).
# Y daflen gofnodi, o dan "Presenoldeb".
record-quorum = { $present } o { $members ->
    [one] 1 aelod
   *[other] { $members } aelod
} yn bresennol neu â dirprwy; y cworwm yw { $needed }.
# Cworwm eitem ei hun ar y daflen gofnodi, pan adawodd rhywun yr ystafell ar ei chyfer.
record-item-quorate = Ar gyfer yr eitem hon: { $present } yn bresennol heb y rhai nad oeddent yn yr ystafell ar ei chyfer; mae'r cworwm o { $needed } wedi'i gyrraedd.
record-item-not-quorate = Ar gyfer yr eitem hon: { $present } yn bresennol heb y rhai nad oeddent yn yr ystafell ar ei chyfer; y cworwm yw { $needed }, felly ni all benderfynu.
# Y cofnodion drafft a'r nodyn penderfyniadau, o dan eitem y mae ei chworwm yn wahanol i un y cyfarfod.
minutes-item-quorate = Cworwm ar gyfer yr eitem hon: { $present } yn bresennol, { $needed } yn ofynnol.
minutes-item-not-quorate = Dim cworwm ar gyfer yr eitem hon: { $present } yn bresennol, { $needed } yn ofynnol.
# Pleidlais ar benderfyniad, o dan y penderfyniad.
vote-outcome = Derbyniwyd: { $for } o blaid, { $against } yn erbyn, { $abstain ->
    [one] 1 yn ymatal
   *[other] { $abstain } yn ymatal
}.
# Agoriad y cofnodion drafft, ar ôl y presenoldeb.
minutes-quorate = Roedd cworwm yn y cyfarfod ({ $present } o { $members ->
    [one] 1 aelod
   *[other] { $members } aelod
}; cworwm { $needed }).
minutes-not-quorate = Nid oedd cworwm yn y cyfarfod ({ $present } o { $members ->
    [one] 1 aelod
   *[other] { $members } aelod
}; cworwm { $needed }).
follow-title = Dilyn drwodd
follow-decisions-line = { $decisions } o benderfyniadau wedi'u cofnodi; { $without } heb gam gweithredu.
follow-on-time-heading = Camau gweithredu a wnaed mewn pryd, yn ôl sefydliad
follow-chart-desc = Siart bar; mae'r un ffigurau yn y tabl isod.
follow-by-organisation = Dilyn drwodd yn ôl sefydliad
follow-col-organisation = Sefydliad
follow-col-actions = Camau gweithredu
follow-col-on-time = Wedi'u gwneud mewn pryd
follow-col-late = Wedi'u gwneud yn hwyr
follow-col-overdue = Yn hwyr
follow-col-median = Canolrif y dyddiau'n hwyr
follow-col-percent = Mewn pryd
follow-ageing-heading = Camau gweithredu hwyr yn ôl pa mor hwyr ydynt
follow-ageing-caption = Camau gweithredu hwyr yn ôl oed
follow-col-overdue-for = Yn hwyr ers
follow-download-actions = Lawrlwytho'r camau gweithredu (CSV)
follow-download-decisions = Lawrlwytho'r penderfyniadau (CSV)
follow-on-time-by-body = Camau gweithredu a wnaed mewn pryd, yn ôl corff
follow-by-body = Dilyn drwodd yn ôl corff
follow-col-body = Corff
follow-band-2w = Hyd at 2 wythnos
follow-band-4w = 2 i 4 wythnos
follow-band-3m = 1 i 3 mis
follow-band-over = Dros 3 mis
follow-confidential-actions = { $count ->
    [one] 1 cam gweithredu cyfrinachol
   *[other] { $count } cam gweithredu cyfrinachol
}
follow-confidential-decisions = { $count ->
    [one] 1 penderfyniad cyfrinachol
   *[other] { $count } penderfyniad cyfrinachol
}
follow-confidential-both = { $actions } a { $decisions }
follow-confidential-note = Mae'r ffigurau hyn yn cynnwys { $parts }, sy'n cael eu cyfrif yma ond heb eu cyhoeddi.
