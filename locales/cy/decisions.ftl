# Hidlau'r gofrestr penderfyniadau.

register-dates-hint = Dyddiadau fel diwrnod, mis a blwyddyn, er enghraifft 1/9/2027 neu 1 Medi 2027.
register-dates = Rhowch y dyddiadau fel diwrnod, mis a blwyddyn, er enghraifft 1/9/2027.
# O dan benderfyniad ar dudalen y cyfarfod a thudalen y papur: buddiannau a ddatganwyd ar ei eitem.
decision-declarations = Buddiannau a ddatganwyd ar yr eitem hon:

# An action's status and how it is going.
action-status-open = Agored
action-status-in-progress = Ar y gweill
action-status-done = Wedi'i wneud
action-status-dropped = Wedi'i ollwng
rag-green = Ar y trywydd iawn
rag-amber = Yn ddyledus cyn bo hir
rag-red = Yn hwyr
rag-closed = Wedi'i gau

# The decisions register (/decisions).
register-title = Cofrestr penderfyniadau
register-crumb = Penderfyniadau
register-body = Corff
register-all-bodies = Pob corff
register-priority = Blaenoriaeth
register-any = Unrhyw un
register-from = O
register-to = I
register-words = Geiriau
register-search = Chwilio
register-none = Nid oes penderfyniadau'n cyfateb.
register-truncated = Yn dangos y { $count } mwyaf newydd; culhewch y chwilio (corff, dyddiadau, geiriau) i weld penderfyniadau hŷn.
register-caption = Penderfyniadau
register-reference = Cyfeirnod
register-decision = Penderfyniad
register-meeting = Cyfarfod
register-actions = Camau gweithredu
register-no-action = Dim cam gweithredu wedi'i gofnodi
register-actions-recorded = Camau gweithredu wedi'u cofnodi
