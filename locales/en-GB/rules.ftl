# The law a body runs under (its rule profile): the body page, the paper
# form and the "reasons restricted" page.

rules-heading = The rules this body follows
rules-sources = Sources

rules-name-england = England: Local Government Act 1972, Part VA
rules-name-wales = Wales: Local Government Act 1972, Part VA as it applies in Wales
rules-name-wales-psb = Wales: a Public Services Board (Well-being of Future Generations (Wales) Act 2015)
rules-name-scotland = Scotland: Local Government (Scotland) Act 1973, Part IIIA
rules-name-nhs-1960 = NHS bodies: Public Bodies (Admission to Meetings) Act 1960

rules-summary-england = Meetings are open to the public. The agenda and papers are published at least 5 clear days before the meeting. The public may be excluded only for exempt information in paragraphs 1 to 7 of Schedule 12A, where the public interest in keeping it private outweighs the interest in disclosing it. The meeting is quorate when a third of the voting members, and at least 3, are present; only members physically present count.
rules-summary-wales = Meetings are open to the public. The notice and agenda are published at least 3 clear days before the meeting and say how to attend remotely. The public may be excluded only for exempt information in paragraphs 12 to 18 of Schedule 12A, with the public interest test recorded for each item. The meeting is quorate when a third of the voting members, and at least 3, are present; members attending remotely count.
rules-summary-wales-psb = A statutory Public Services Board. Notice, agenda and exempt information are as for Welsh councils: 3 clear days, paragraphs 12 to 18 of Schedule 12A with the public interest test recorded. The meeting is quorate only when every statutory member is present, in person, remotely or by their designated substitute.
rules-summary-scotland = Meetings are open to the public. The agenda and papers are published at least 3 clear days before the meeting. The public may be excluded for exempt information in Part I of Schedule 7A (paragraphs 1 to 15). The meeting is quorate when a third of the voting members, and at least 3, are present; whether remote attendance counts is for the body's standing orders.
rules-summary-nhs-1960 = Meetings are open to the public. Notice is given at least 3 clear days before the meeting. There is no catalogue of exempt information: the public is excluded by a resolution that publicity would be prejudicial to the public interest, because of the confidential nature of the business or for special reasons stated in the resolution. The meeting is quorate when a third of the voting members, and at least 3, are present; whether remote attendance counts is for the body's standing orders.

rules-catalogue-england = Schedule 12A category
rules-catalogue-wales = Schedule 12A paragraph (Part 4, Wales)
rules-catalogue-scotland = Schedule 7A paragraph
rules-catalogue-nhs-1960 = Ground for excluding the public (1960 Act, section 1(2))

rules-admin-intro = New bodies take their notice period, exempt paragraphs, quorum and remote attendance from the rules they follow; papers are due 5 working days before publication, at 12:00.
rules-admin-label = Rules the body follows
rules-admin-hint = The law its meetings run under. A Welsh Public Services Board needs every statutory member, or their designated substitute, for quorum.

rules-public-interest-label = Public interest test
rules-public-interest-hint = Why the public interest in keeping this confidential outweighs the public interest in disclosing it. This is published with the agenda.

restricted-title = Why item { $number } is restricted
restricted-intro = The public and press may be excluded from the meeting while this item is discussed, and its papers are not published.
restricted-paragraph = The reason in law
restricted-public-interest = The public interest test
restricted-public-interest-missing = No public interest test was recorded for this item.
restricted-rules = The rules this body follows
restricted-back = Back to the agenda
restricted-link = Why it is restricted

# Admin → Bodies: how votes are recorded, and when the decision note falls due.
policy-votes-by-name = Record each member's vote by name (otherwise votes are recorded by count)
policy-decision-note-days = Decision note due within (working days after the meeting)
policy-decision-note-days-hint = From 1 to 30. Usually 2; a Welsh community council's rule is 7.

# Citing an exempt paragraph: on agendas, papers and the "why restricted" page.
rules-cite-12a = Schedule 12A, paragraph { $n }
rules-cite-7a = Schedule 7A, paragraph { $n }
rules-cite-1960 = section 1(2), ground { $n }
rules-label-category = category { $n }
policy-bilingual = Languages
policy-bilingual-hint = A bilingual body holds what people write in Welsh and English, and publishes its agenda only when both are complete.
policy-bilingual-rules = As the rules say (Welsh and English in Wales)
policy-bilingual-yes = Welsh and English
policy-bilingual-no = English only
policy-translation-days = Translations due (working days before publication)
policy-translation-days-hint = From 0 to 30. Usually 3.
rules-wales-12 = Information relating to a particular individual.
rules-wales-13 = Information which is likely to reveal the identity of an individual.
rules-wales-14 = Information relating to the financial or business affairs of any particular person (including the authority holding that information).
rules-wales-15 = Information relating to any consultations or negotiations, or contemplated consultations or negotiations, in connection with any labour relations matter arising between the authority or a Minister of the Crown and employees of, or office holders under, the authority.
rules-wales-16 = Information in respect of which a claim to legal professional privilege could be maintained in legal proceedings.
rules-wales-17 = Information which reveals that the authority proposes to give under any enactment a notice imposing requirements on a person, or to make an order or direction under any enactment.
rules-wales-18 = Information relating to any action taken or to be taken in connection with the prevention, investigation or prosecution of crime.
rules-exempt-information = exempt information

# Quorum that can never be met (the body's page and the meeting record).
quorum-too-few-voting = { $count ->
    [one] The body has 1 voting member, fewer than the 3 a quorum needs.
   *[other] The body has { $count } voting members, fewer than the 3 a quorum needs.
}
quorum-no-statutory-members = The body has no statutory members, so its meetings can never be quorate: a Public Services Board is quorate only when all of them attend.
preflight-after-deadline = The publication deadline has passed: give a reason, which is shown on the public agenda.
