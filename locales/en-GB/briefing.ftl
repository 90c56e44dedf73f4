# The members' briefing: on its page, in the members' pack and in the PDF.

# Above the recommendations of an item that asks for a decision.
brief-decision-asked = Decision asked for
# Above the recommendations of an item for discussion or information.
brief-recommendations = Recommendations
# In the PDF briefing: who presents the item, and for which partner.
brief-presented-by = Presented by

# A member's interests on their briefing.
brief-interests = Your interests
brief-no-conflicts = Nothing on this agenda names an organisation in your register of interests.
brief-conflicts = Your register of interests names an organisation this agenda involves. Consider whether to declare an interest:
brief-declared = You have declared:
brief-declare-summary = Declare an interest
brief-declare-item = Item
brief-declare-choose = Choose the item
brief-declare-interest = Your interest
brief-declare-hint = What it is, as it should appear in the record: for example, "Trustee of Northshire Housing Trust".
brief-declare-button = Declare the interest

# The briefing requirements a cover sheet must meet.
brief-title-required = Enter a title.
brief-item-type-required = Say whether the item is for decision, discussion or information.
brief-organisation-required = Choose the presenting organisation.
brief-presenter-required = Choose who will present the item.
brief-sponsor-required = Choose the sponsor: a chief officer of the presenting organisation.
brief-sponsor-organisation = The sponsor must belong to the presenting organisation.
brief-sponsor-is-author = Choose a sponsor other than yourself: the sponsor signs off the paper for the organisation.
brief-purpose-required = Enter the purpose of the paper.
brief-summary-required = Enter an executive summary.
brief-recommendation-required = A decision item needs at least one recommendation.
brief-equality-required = Summarise the equality impact assessment, or say why none is needed.
brief-eia-required = Say whether an equality impact assessment was done or is not needed.
brief-welsh-language-required = State the effects on the Welsh language: on opportunities to use Welsh and on treating it no less favourably than English.
brief-priority-invalid = Choose one of the body's active priorities.
brief-priority-required = Choose the priority the item serves, or say why it serves none.
brief-body-required = Write the body of the paper.
brief-public-interest-required = Say why the public interest in keeping the paper confidential outweighs the public interest in disclosing it.
brief-exempt-reason-required = Give the reason the paper is exempt.
brief-consulted-required = A decision item needs consultation with at least one other partner organisation.
brief-purpose-too-long = The purpose has { $words } words; the limit is { $limit }.
brief-summary-too-long = The executive summary has { $words } words; the limit is { $limit }.
brief-body-too-long = The paper has { $words } words; the limit is { $limit }.
brief-one-sentence = Recommendation { $number } must be one sentence.
brief-financial-required = State the financial implications, or write "none".
brief-legal-required = State the legal implications, or write "none".
brief-risk-required = State the risk implications, or write "none".
brief-environment-required = State the environment and climate implications, or write "none".
