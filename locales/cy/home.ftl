# The home page: what is due from you, and every body and meeting.
home-due-title = Beth sy'n ddyledus gennych
home-bodies-title = Byrddau a phartneriaethau
home-nothing-due = Nid oes dim yn ddyledus gennych nawr.
home-now = Nawr
home-your-bodies = Eich cyrff
home-all-bodies = Pob corff
home-no-bodies = Nid oes unrhyw gyrff wedi'u sefydlu eto.
home-sign-in-to-set-up = Mewngofnodwch i'w sefydlu.
home-upcoming = Cyfarfodydd i ddod
home-no-meetings = Nid oes cyfarfodydd wedi'u trefnu.
home-when = Pryd
home-body = Corff
home-where = Ble
countdown-passed = wedi mynd heibio
countdown-today = heddiw
countdown-weekend = ar ôl y penwythnos
home-late-paper = Penderfynu a yw'r papur hwyr “{ $title }” yn mynd ar yr agenda
home-at = { $body }, { $when }
home-late-heading = Papurau hwyr i chi benderfynu arnynt
home-sign-off = Cymeradwyo “{ $title }”
home-sign-off-heading = Papurau'n aros i chi eu cymeradwyo
home-resubmit = Newid ac ailgyflwyno “{ $title }”: fe'i dychwelwyd atoch
home-finish = Gorffen a chyflwyno “{ $title }”
home-for-meeting = Ar gyfer { $body }, { $when }. Papurau erbyn { $due }
home-papers-heading = Eich papurau i'w gorffen
home-todo-heading = I'w wneud ar gyfer { $body }
home-mail-heading = Post
home-overdue-was = Yn hwyr: roedd i fod erbyn { $date }
home-due = Erbyn { $date }
home-actions-heading = Eich camau gweithredu
home-read-agenda = Darllen yr agenda a briff yr aelodau ar gyfer { $body }, { $when }
home-agenda-published = Mae fersiwn { $number } o'r agenda wedi'i chyhoeddi
home-prepare-heading = Cyfarfodydd i baratoi ar eu cyfer
home-papers-due = Papurau erbyn { $due }
home-build-agenda = Llunio a chyhoeddi'r agenda ar gyfer { $when }
home-write-minutes = Ysgrifennu a dosbarthu cofnodion { $when }
countdown-one = { $count ->
    [one] ymhen 1 diwrnod gwaith
   *[other] ymhen { $count } diwrnod gwaith
}
home-proposals = Penderfynu ar { $count ->
    [one] 1 eitem arfaethedig ar gyfer { $when }
   *[other] { $count } o eitemau arfaethedig ar gyfer { $when }
}
home-writing = { $count ->
    [one] 1 papur yn dal i gael ei ysgrifennu ar gyfer { $when }
   *[other] { $count } o bapurau'n dal i gael eu hysgrifennu ar gyfer { $when }
}
home-to-accept = Gwirio a derbyn { $count ->
    [one] 1 papur a gyflwynwyd ar gyfer { $when }
   *[other] { $count } o bapurau a gyflwynwyd ar gyfer { $when }
}
home-overdue-actions = { $count ->
    [one] 1 cam gweithredu hwyr i fynd ar ei ôl
   *[other] { $count } o gamau gweithredu hwyr i fynd ar eu hôl
}
