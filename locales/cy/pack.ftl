# Pecyn y bwrdd (PDF a thudalen hawdd ei hargraffu): eitem y cofnodion.

pack-minutes-heading = Cofnodion y cyfarfod blaenorol
# $date: diwrnod y cyfarfod blaenorol, "Dydd Mawrth 13 Hydref 2026".
pack-minutes-draft = Cofnodion drafft y cyfarfod ar { $date }, i'r cyfarfod hwn eu cymeradwyo.
pack-minutes-approved = Cofnodion y cyfarfod ar { $date }, fel y'u cymeradwywyd.
pack-minutes-none = Nid yw cofnodion y cyfarfod blaenorol ar gael eto.
