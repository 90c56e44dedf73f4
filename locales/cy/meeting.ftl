# Tudalen cyfarfod.

# Eitemau arfaethedig, i'r ysgrifenyddiaeth: symud un i gyfarfod diweddarach.
proposal-defer-to = Gohirio i
# Eitemau arfaethedig, i'r ysgrifenyddiaeth: anfonir y rheswm at y cynigydd.
proposal-decline-reason = Rheswm dros wrthod
proposal-decline = Gwrthod
# Trefnu neu symud cyfarfod.
meeting-date = Dyddiad
# Penderfyniad allweddol, ar gynnig ac ar ddalen glawr papur.
key-decision-label = Mae hwn yn benderfyniad allweddol
key-decision-hint = Cyhoeddir penderfyniad allweddol ym mlaenraglen y corff o leiaf 28 diwrnod clir cyn y cyfarfod.
proposal-exempt-label = Cyfrinachol (dewisol)
proposal-exempt-hint = Os bydd yr eitem wedi'i heithrio dan Atodlen 12A, dewiswch y paragraff: dim ond hynny a ddangosir yn y flaenraglen wedyn.
proposal-exempt-none = Ddim yn gyfrinachol

# Sut i fynychu cyfarfod o bell (yn ofynnol yng Nghymru cyn cyhoeddi'r agenda).
meeting-remote-access = Sut i fynychu o bell
meeting-remote-access-hint = Dolen a chyfarwyddiadau i aelodau a'r cyhoedd. Dan reolau Cymru ni ellir cyhoeddi'r agenda hebddynt.
