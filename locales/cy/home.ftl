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
