# Tudalen papur a'i dudalen olygu.

# Y tabl hanes ar dudalen papur.
paper-history = Fersiynau
paper-history-hint = Cedwir fersiwn pan gyflwynir, dychwelir neu ailgyflwynir y papur, a phan fo'r awdur yn cadw un. Nid yw cadw drafft yn ychwanegu fersiwn.
paper-history-version = Fersiwn
paper-history-status = Statws
paper-history-changed-heading = Beth a newidiodd
paper-history-saved-by = Cadwyd gan
paper-history-when = Pryd
paper-history-first = Fersiwn gyntaf
paper-history-unchanged = Dim newid i'r papur
# $parts yw'r rhannau o'r ddalen glawr a'r papur a newidiodd: "Crynodeb, Argymhellion".
paper-history-changed = { $parts }
# Y trydydd botwm o dan y ffurflen olygu.
paper-save-version = Cadw fersiwn

# Rhannau papur, fel y'u henwir yn yr hanes.
paper-field-title = Teitl
paper-field-item-type = Beth y gofynnir i'r bwrdd ei wneud
paper-field-presenting-organisation = Sefydliad sy'n cyflwyno
paper-field-presenter = Cyflwynydd
paper-field-sponsor = Noddwr
paper-field-purpose = Diben
paper-field-summary = Crynodeb
paper-field-recommendations = Argymhellion
paper-field-financial = Goblygiadau ariannol
paper-field-legal = Goblygiadau cyfreithiol
paper-field-risk = Goblygiadau risg
paper-field-equality = Goblygiadau cydraddoldeb
paper-field-equality-assessment = Asesiad o'r effaith ar gydraddoldeb
paper-field-environment = Goblygiadau amgylcheddol
paper-field-consulted = Partneriaid yr ymgynghorwyd â hwy
paper-field-priority = Blaenoriaeth
paper-field-body = Y papur
paper-field-exempt = Gwybodaeth eithriedig
paper-field-minutes = Munudau sydd eu hangen

# Rhestrau'r cyflwynwyr a'r noddwyr: ar ôl pobl y sefydliad sy'n cyflwyno.
paper-people-others = Sefydliadau eraill

# Tudalen papur a gyhoeddwyd, unwaith y bydd y cyfarfod wedi penderfynu arno.
paper-decided = Penderfynwyd yn y cyfarfod
paper-decided-due = erbyn
paper-decided-meeting = Holl benderfyniadau'r cyfarfod hwn
