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
