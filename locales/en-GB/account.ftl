# The account page: the personal calendar feed; resetting a forgotten
# password.

calendar-new-title = Your new calendar link
calendar-new-once = It will not be shown again: subscribe now, or copy it into your calendar.
# Opens the calendar app (Outlook, Apple Calendar) to subscribe.
calendar-subscribe = Subscribe in your calendar app
calendar-copy-label = Calendar link to copy
calendar-copy-hint = Select the whole link and copy it, then add it in your calendar as a calendar from the internet (Google Calendar: "From URL").

# Resetting a forgotten password, from the sign-in page.
login-forgotten = Forgotten your password?
login-no-account = If you do not have an account, ask your board's secretariat.
reset-ask-title = Reset your password
reset-ask-intro = Enter the email address you sign in with. We will send a link to choose a new password.
reset-email-label = Email address
reset-email-hint = The address your board's secretariat gave Quorate, usually your work email.
reset-ask-button = Send me a link
reset-back-to-sign-in = Back to sign in
reset-sent-title = Check your email
reset-sent-if = If there is a Quorate account for
reset-sent-then = , we have sent it a link to choose a new password.
reset-sent-works = { $minutes ->
    [one] The link works once, within { $minutes } minute.
   *[other] The link works once, within { $minutes } minutes.
}
reset-sent-nothing = Nothing there after a few minutes? Check your junk or spam folder and that the address is the one you sign in with, then ask again. Your board's secretariat can also help.
reset-ask-again = Ask for a new link
reset-choose-title = Choose a new password
reset-choose-for = For the account
reset-choose-signs-out = Saving it signs you out on every other device and browser.
reset-password-label = New password
reset-password-hint = At least 12 characters. A few unrelated words make a strong password.
reset-confirm-label = Type the new password again
reset-choose-button = Save the password and sign in
reset-invalid-title = This link does not work
reset-invalid-why = A password-reset link works once, for a short time. This one has expired, has been used, or was copied incompletely.
reset-too-many = Too many attempts from here. Wait a minute, then try again.

# What Quorate emails you (the account page), and the unsubscribe link in
# routine mail.
prefs-title = What Quorate emails you
prefs-intro = Routine mail keeps you up to date with papers, actions and meetings. You choose how it comes and which kinds you get.
prefs-delivery = How should routine mail come?
prefs-immediate = Each message as it happens
prefs-daily = Once a day, at 7am, in one email
prefs-topics = Send me
prefs-topic-calls = Calls for papers, when a meeting is scheduled
prefs-topic-reminders = Reminders before my papers and actions are due
prefs-topic-updates = Updates: draft minutes, proposal outcomes, referrals and withdrawn actions
prefs-topic-weekly = The secretariat's weekly digest, on Monday mornings
prefs-always = Always sent at once, whatever you choose: notices of meetings and their agendas (the law requires members to be given them), requests to act on your own papers, and account and password messages.
prefs-save = Save mail settings
unsub-ask-title = Unsubscribe from this mail
unsub-ask-for = This stops Quorate sending
unsub-button = Unsubscribe
unsub-still = Notices of meetings, their agendas and mail asking you to act on your own papers still come. You can turn any of this back on from your account page.
unsub-done-title = You are unsubscribed
unsub-done-what = Quorate will no longer send you
unsub-settings = Change what Quorate sends you (sign in first)
unsub-invalid-title = This unsubscribe link does not work
unsub-invalid-why = It may have been copied incompletely, or it is from before the site's keys were changed. Sign in to choose what Quorate sends you.
unsub-what-calls = calls for papers
unsub-what-reminders = reminders before your papers and actions are due
unsub-what-updates = updates (draft minutes, proposal outcomes, referrals and withdrawn actions)
unsub-what-weekly = the secretariat's weekly digest
unsub-what-all = routine mail: calls for papers, reminders, updates and digests

# A person's register of interests (/people/{id}/interests).
interests-title = Register of interests
interests-sits-on = Sits on:
interests-threshold = Gifts and hospitality are registered from
interests-published = { $organisation } publishes its people's registers: this page is public.
interests-not-published = { $organisation } does not publish its people's registers: this page is seen only by its owner, the secretariat of their bodies and administrators.
interests-current = Interests held now
interests-past = Interests that have ended
interests-none = No interests registered.
interests-kind = Kind of interest
interests-choose-kind = Choose the kind
interests-description = What it is
interests-description-hint = The employer and role, the contract, the land, the body, or the gift and who gave it.
interests-organisation = Organisation it names
interests-no-organisation = None of these
interests-value = Value
interests-value-label = Value, for gifts and hospitality (£)
interests-value-hint = In pounds, like 75 or 75.50. Leave empty for other kinds.
interests-from = From
interests-to = To
interests-from-label = When it began
interests-to-label = When it ended (leave empty while it lasts)
interests-end-summary = End or remove
interests-ended-on = When it ended
interests-end-button = End this interest
interests-remove = Remove (registered in error)
interests-add = Register an interest
interests-add-button = Register the interest
interests-kind-employment = Employment, office, trade or profession
interests-kind-contracts = Contracts
interests-kind-land = Land and property
interests-kind-memberships = Memberships of other bodies
interests-kind-gifts = Gifts and hospitality
label-interest-start = date it began
label-interest-end = date it ended

# Likely conflicts of interest, on the agenda builder and a member's briefing.
conflicts-heading = Likely conflicts of interest
conflicts-intro = Registered interests naming the organisation presenting an item, or a partner consulted on its paper. Members are asked to consider declaring them.
conflicts-register = Register of interests
conflict-line = { $item }: { $member } has registered an interest in { $organisation } ({ $kind }: { $description }).
interests-yours = Your register of interests

# Admin → Organisations: each organisation's policy for its people's registers of interests.
org-registers = Registers of interests
org-registers-published = Published
org-registers-private = Not published
org-gift-threshold = Gifts and hospitality registered from (£)
org-publish-registers = Publish its people's registers on their profiles
org-save-policy = Save the policy

# The language setting (the toggle in the header posts it too).
language-choose = Choose English or Cymraeg.

# The sign-in page.
login-title = Sign in
login-email = Email address
login-password = Password
login-button = Sign in
account-title = Your account
account-name = Name
account-email = Email address
account-organisation = Organisation
account-roles = Roles
account-no-roles = None yet
account-sessions = Where you are signed in
account-sessions-caption = Your sessions
account-signed-in = Signed in
account-last-used = Last used
account-from = From
account-this-browser = This browser
account-sign-out-everywhere = Sign out everywhere
account-password = Change your password
account-password-intro = Changing it signs you out everywhere else.
account-current-password = Current password
account-new-password = New password
account-new-password-hint = At least 12 characters.
account-confirm-password = Type the new password again
account-password-button = Change password
account-calendar = Your calendar feed
account-calendar-intro = Your meetings and paper deadlines, in Outlook, Google or Apple Calendar. Anyone with the link can read it: if it gets out, make a new one and the old one stops working.
account-calendar-on = Your feed is on. Its link was shown once, when you made it; if you have lost it, make a new one.
account-calendar-renew = Make a new link (the old one stops working)
account-calendar-make = Make a calendar link
account-calendar-off = Turn the feed off
account-tokens = API tokens
account-tokens-intro = Scripts and other systems use a token to act as you through the API.
account-tokens-docs = API documentation
account-new-token = Your new token
account-new-token-once = Copy it now: it will not be shown again.
account-tokens-caption = Your API tokens
account-token-label = Label
account-token-created = Created
account-token-status = Status
account-token-revoked = Revoked
account-token-revoke = Revoke
account-token-for = What is the token for?
account-token-for-hint = For example, 'agenda export script'.
account-token-create = Create a token
account-never = Never
login-email-required = Enter your email address.
login-password-required = Enter your password.
login-rate-limited = Too many sign-in attempts. Wait a minute and try again.
login-invalid = Enter a correct email address and password.
invitation-invalid = This link has expired or has already been used. Ask your board's secretariat to send a new invitation.
invitation-title = Choose your password
invitation-welcome = Welcome, { $name }. You will sign in with { $email }.
invitation-password = Password
invitation-password-hint = At least 12 characters. A few unrelated words make a strong password.
invitation-confirm = Type the password again
invitation-button = Save password and sign in
password-current-wrong = Your current password is not right.
password-mismatch = The two passwords do not match.
password-too-short = Your password must be at least { $min } characters long.
password-too-long = Your password must be { $max } characters or fewer.
password-is-email = Your password must not be your email address.
