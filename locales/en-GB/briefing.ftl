# The members' briefing: on its page, in the members' pack and in the PDF.

# Above the recommendations of an item that asks for a decision.
brief-decision-asked = Decision asked for
# Above the recommendations of an item for discussion or information.
brief-recommendations = Recommendations
# In the PDF briefing: who presents the item, and for which partner.
brief-presented-by = Presented by
