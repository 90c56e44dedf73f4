# The account page: the personal calendar feed.

calendar-new-title = Your new calendar link
calendar-new-once = It will not be shown again: subscribe now, or copy it into your calendar.
# Opens the calendar app (Outlook, Apple Calendar) to subscribe.
calendar-subscribe = Subscribe in your calendar app
calendar-copy-label = Calendar link to copy
calendar-copy-hint = Select the whole link and copy it, then add it in your calendar as a calendar from the internet (Google Calendar: "From URL").
