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
