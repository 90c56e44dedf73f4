# Hidlau'r gofrestr penderfyniadau.

register-dates-hint = Dyddiadau fel diwrnod, mis a blwyddyn, er enghraifft 1/9/2027 neu 1 Medi 2027.
register-dates = Rhowch y dyddiadau fel diwrnod, mis a blwyddyn, er enghraifft 1/9/2027.
# O dan benderfyniad ar dudalen y cyfarfod a thudalen y papur: buddiannau a ddatganwyd ar ei eitem.
decision-declarations = Buddiannau a ddatganwyd ar yr eitem hon:
