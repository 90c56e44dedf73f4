# Every page: the header, the footer and the page title.

site-name = Quorate
# Before the page title when a form on the page has errors: "Error: Sign in – Quorate".
title-error = Error:
skip-to-main = Skip to main content
nav-account = Account
nav-admin = Admin
nav-your-papers = Your papers
nav-your-actions = Your actions
nav-actions-tracker = Actions tracker
nav-decisions = Decisions
# The search box in the header of every page.
header-search-label = Search papers, decisions and actions
header-search-button = Search
nav-sign-in = Sign in
nav-sign-out = Sign out
banner-success = Success
footer-search = Search
footer-decisions-register = Decisions register
footer-api = API documentation
footer-accessibility = Accessibility
footer-font-licences = Font licences
# Read by screen readers before an error message beside a field.
error-prefix = Error:

# Breadcrumbs, above the heading of most pages.
breadcrumbs = Breadcrumb
breadcrumb-home = Home

# The box listing a form's errors, at the top of the page.
error-summary-title = There is a problem

# Error pages.
error-400 = Sorry, there is a problem with that request
error-401 = You need to sign in
error-403 = You do not have permission to see this page
error-404 = Page not found
error-405 = That address cannot be used like that
error-409 = That conflicts with what is already there
error-429 = Too many attempts
error-503 = Sorry, the service is unavailable
error-500 = Sorry, there is a problem with the service
error-404-detail = If you typed the web address, check it is correct. If you pasted it, check you copied all of it.
error-reference = { $detail } If it keeps happening, tell your administrator this reference: { $reference }.
error-sign-in = Sign in
error-home = Go to the home page
