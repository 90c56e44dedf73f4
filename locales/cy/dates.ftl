# Dyddiadau a deipiwyd yn feysydd diwrnod, mis a blwyddyn, a beth sydd o'i le arnynt.
# $label yw enw'r dyddiad mewn brawddeg ("dyddiad dyledus").

date-day = Diwrnod
date-month = Mis
date-year = Blwyddyn
date-hint = Er enghraifft, 27 3 2027
date-enter = Rhowch y { $label }, er enghraifft 27 3 2027.
date-must-include = Rhaid i'r { $label } gynnwys { $parts }.
date-year-digits = Rhaid i flwyddyn y { $label } fod â 4 digid, er enghraifft 2027.
date-not-real = Rhaid i'r { $label } fod yn ddyddiad go iawn, er enghraifft 27 3 2027.
date-part-day = diwrnod
date-part-month = mis
date-part-year = blwyddyn
# Yn uno'r rhannau coll: "mis", "diwrnod a blwyddyn".
date-parts-and = { $count ->
    [one] { $last }
   *[other] { $first } a { $last }
}

# Enwau dyddiadau, fel y'u defnyddir yn y negeseuon uchod.
label-due-date = dyddiad dyledus
label-meeting-date = dyddiad y cyfarfod

# Dyddiadau mewn geiriau: "Dydd Mercher 23 Rhagfyr 2026", "… am 12:00".
date-words = { $weekday } { $day } { $month } { $year }
date-at-time = { $date } am { $time }
weekday-1 = Dydd Llun
weekday-2 = Dydd Mawrth
weekday-3 = Dydd Mercher
weekday-4 = Dydd Iau
weekday-5 = Dydd Gwener
weekday-6 = Dydd Sadwrn
weekday-7 = Dydd Sul
month-1 = Ionawr
month-2 = Chwefror
month-3 = Mawrth
month-4 = Ebrill
month-5 = Mai
month-6 = Mehefin
month-7 = Gorffennaf
month-8 = Awst
month-9 = Medi
month-10 = Hydref
month-11 = Tachwedd
month-12 = Rhagfyr

# A date without its weekday: "8 September 2026".
date-short = { $day } { $month } { $year }
