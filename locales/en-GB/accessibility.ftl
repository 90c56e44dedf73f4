# The accessibility statement (/accessibility), which UK public bodies must
# publish (Public Sector Bodies (Websites and Mobile Applications)
# Accessibility Regulations 2018). Follows the GOV.UK model statement.

a11y-title = Accessibility statement
a11y-applies = This statement applies to the meeting papers, agendas, decisions and actions published at
a11y-run-by = It is run by
a11y-want = We want as many people as possible to be able to use it. For example, you should be able to:
a11y-can-colours = change colours, contrast levels and fonts using your browser or device settings
a11y-can-zoom = zoom in up to 400% without the text spilling off the screen, and read every page on a phone
a11y-can-keyboard = get to every link, button and form field using just a keyboard, and see where you are
a11y-can-voice = use every form with speech recognition software: each field has a visible label
a11y-can-reader = listen to the site using a screen reader (including the most recent versions of JAWS, NVDA and VoiceOver)
a11y-abilitynet = If you have a disability, advice on making your device easier to use is at
a11y-how-title = How accessible this website is
a11y-how-intro = We know some parts are not fully accessible:
a11y-known-appendices = appendices to papers (PDF, Word and Excel files) are written by the partner organisations and may not be accessible; the paper itself and its cover sheet are always a web page
a11y-known-packs = the board pack PDFs are typeset by Quorate and are not yet tagged for screen readers; every paper in a pack is also a web page, linked from the meeting's page
a11y-known-feeds = calendar files and data downloads (CSV) are for other software, and are described on their own pages
a11y-contact-title = Feedback and contact information
a11y-contact-intro = If you find a problem, or need a paper, agenda or minutes in another format (accessible PDF, large print, easy read, audio or braille), contact us:
a11y-email = Email:
a11y-phone = Telephone:
a11y-reply = { $days ->
    [one] We will reply within { $days } working day.
   *[other] We will reply within { $days } working days.
}
a11y-enforcement-title = Enforcement procedure
a11y-enforcement = The Equality and Human Rights Commission (EHRC) is responsible for enforcing the accessibility regulations. If you are not happy with how we respond to your complaint, contact the
a11y-eass = Equality Advisory and Support Service (EASS)
a11y-technical-title = Technical information about this website's accessibility
a11y-committed = Its publisher is committed to making it accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.
a11y-status-title = Compliance status
a11y-status = This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, because of the non-compliances listed above (appendices and board pack PDFs).
a11y-tested-title = How this website was tested
a11y-tested = Each release of Quorate is tested in the Chromium browser with axe-core's WCAG 2.2 A and AA rules, at desktop width (1280 pixels) and phone width (390 pixels), and each page is checked for sideways scrolling on a phone. The tests sign in as each kind of user and use the forms as people do: fields are found by their labels and buttons by their words. These page states pass:
a11y-checked-list = The page states checked
a11y-manual = Automated checks find only some problems. Tell us about any you meet.
a11y-prepared-title = Preparation of this statement
a11y-prepared = This statement is made by the software from its configuration and from the page states its browser tests check, and is current for Quorate
