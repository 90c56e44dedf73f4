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
tracker-title = Traciwr camau gweithredu
tracker-breadcrumb = Camau gweithredu
tracker-body = Corff
tracker-all-bodies = Y cyfan y gallwch ei weld
tracker-owner = Perchennog
tracker-anyone = Unrhyw un
tracker-organisation = Sefydliad
tracker-any = Unrhyw
tracker-status = Statws
tracker-within = Erbyn o fewn (dyddiau)
tracker-overdue = Rhai hwyr yn unig
tracker-filter = Hidlo
tracker-none = Does dim camau gweithredu yn cyfateb.
tracker-caption = Camau gweithredu
tracker-truncated = Yn dangos y 500 cyntaf; culhewch yr hidlyddion i weld y gweddill.
action-title = Cam gweithredu
action-meeting = Cyfarfod
action-owner = Perchennog
action-owner-line = { $owner }, { $organisation }
action-status = Statws
action-carries-out = Yn gweithredu
action-dropped-why = Pam y cafodd ei ollwng
action-history = Hanes
action-update = Diweddaru'r cam gweithredu
action-note = Nodyn cynnydd
action-leave = Ei adael fel y mae
action-reason = Rheswm (dros ddyddiad newydd, neu dros ei ollwng)
action-save = Cadw
my-actions-title = Eich camau gweithredu
my-actions-none = Does gennych ddim camau gweithredu agored.
my-actions-open = Eich camau gweithredu agored
my-actions-closed-heading = Wedi'u cau
my-actions-closed = Eich camau gweithredu sydd wedi'u cau
action-rows-action = Cam gweithredu
action-rows-latest = Diweddaraf: { $note }
action-history-created = Crëwyd y cam gweithredu
action-history-due = Newidiwyd y dyddiad erbyn o { $from } i { $to }: { $reason }
action-history-status = Statws: { $status }
action-history-status-note = Statws: { $status } ({ $note })
action-changed = Diweddarodd rhywun arall y cam gweithredu hwn tra oeddech yn ysgrifennu: gwiriwch yr hanes, yna cadwch eto.
import-title = Mewnforio log camau gweithredu
import-breadcrumb = Mewnforio camau gweithredu
import-problems = { $count ->
    [one] 1 broblem yn y ffeil
   *[other] { $count } o broblemau yn y ffeil
}
import-intro = Llwythwch eich taenlen i fyny fel CSV yn UTF-8 (yn Excel: CSV UTF-8 (comma delimited)) gyda rhes pennawd. Ni fewnforir dim oni bai bod pob rhes yn ddilys, oni bai eich bod yn dewis hepgor y rhesi sydd â phroblemau.
import-file = Y ffeil CSV
import-headings = Penawdau eich colofnau
import-headings-hint = Gadewch flwch yn wag os yw eich pennawd yn un o'r enwau arferol (a ddangosir).
import-optional = (dewisol)
import-skip = Mewnforio'r rhesi dilys a hepgor y lleill
import-button = Mewnforio
import-file-required = Dewiswch y ffeil CSV i'w mewnforio.
