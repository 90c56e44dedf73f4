# "Yr hyn a gyflawnwyd gennym": penderfyniadau y mae eu holl gamau gweithredu wedi'u cwblhau.

outcomes-title = Yr hyn a gyflawnwyd gennym
outcomes-home = Hafan
outcomes-partnership = Y bartneriaeth gyfan
outcomes-summary = { $count ->
    [0] Nid oes gan unrhyw benderfyniad ei holl gamau gweithredu wedi'u cwblhau eto.
    [one] Mae { $count } penderfyniad wedi cwblhau ei holl gamau gweithredu.
   *[other] Mae { $count } o benderfyniadau wedi cwblhau eu holl gamau gweithredu.
}
outcomes-what = Rhestrir penderfyniad yma unwaith y bydd pob cam gweithredu a osododd wedi'i gwblhau, o dan y flaenoriaeth a wasanaethwyd gan ei bapur. Ni restrir penderfyniadau cyfrinachol.
outcomes-capped = Dim ond y 300 a gyflawnwyd fwyaf diweddar a restrir.
outcomes-no-priority = Heb ei gysylltu â blaenoriaeth
outcomes-decided = penderfynwyd
outcomes-by = gan
outcomes-done-by = Camau gweithredu a gwblhawyd gan
outcomes-last-on = yr olaf ar
outcomes-json = Y cyflawniadau hyn fel data (JSON)
outcomes-csv = Fel taenlen (CSV), pob un
outcomes-link = Yr hyn a gyflawnwyd gennym
outcomes-link-why = penderfyniadau'r bartneriaeth sydd wedi'u gweithredu, fesul blaenoriaeth
