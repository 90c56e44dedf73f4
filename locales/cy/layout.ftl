# Pob tudalen: y pennawd, y troedyn a theitl y dudalen.

site-name = Quorate
# Cyn teitl y dudalen pan fo gwallau mewn ffurflen: "Gwall: Mewngofnodi – Quorate".
title-error = Gwall:
skip-to-main = Neidio i'r prif gynnwys
nav-account = Cyfrif
nav-admin = Gweinyddu
nav-your-papers = Eich papurau
nav-your-actions = Eich camau gweithredu
nav-actions-tracker = Traciwr camau gweithredu
nav-decisions = Penderfyniadau
# Y blwch chwilio ym mhennawd pob tudalen.
header-search-label = Chwilio papurau, penderfyniadau a chamau gweithredu
header-search-button = Chwilio
nav-sign-in = Mewngofnodi
nav-sign-out = Allgofnodi
banner-success = Llwyddiant
footer-search = Chwilio
footer-decisions-register = Cofrestr penderfyniadau
footer-api = Dogfennaeth yr API
footer-accessibility = Hygyrchedd
footer-font-licences = Trwyddedau ffontiau
# Darllenir gan ddarllenwyr sgrin cyn neges gwall wrth ymyl maes.
error-prefix = Gwall:

# Breadcrumbs, above the heading of most pages.
breadcrumbs = Briwsion bara
breadcrumb-home = Hafan

# The box listing a form's errors, at the top of the page.
error-summary-title = Mae problem

# Error pages.
error-400 = Mae'n ddrwg gennym, mae problem gyda'r cais hwnnw
error-401 = Mae angen i chi fewngofnodi
error-403 = Nid oes gennych ganiatâd i weld y dudalen hon
error-404 = Heb ddod o hyd i'r dudalen
error-405 = Ni ellir defnyddio'r cyfeiriad hwnnw fel hynny
error-409 = Mae hynny'n gwrthdaro â'r hyn sydd yno eisoes
error-429 = Gormod o ymdrechion
error-503 = Mae'n ddrwg gennym, nid yw'r gwasanaeth ar gael
error-500 = Mae'n ddrwg gennym, mae problem gyda'r gwasanaeth
error-404-detail = Os teipiwyd y cyfeiriad gwe, gwiriwch ei fod yn gywir. Os gwnaethoch ei ludo, gwiriwch eich bod wedi copïo'r cyfan.
error-reference = { $detail } Os yw'n dal i ddigwydd, rhowch y cyfeirnod hwn i'ch gweinyddwr: { $reference }.
error-sign-in = Mewngofnodi
error-home = Mynd i'r hafan
