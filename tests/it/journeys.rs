//! People's journeys through the demo, in real Chromium: fields by their
//! label, buttons and links by their text, at desktop and phone width, with
//! axe-core's WCAG 2.2 A/AA rules and a sideways-scroll check on each page
//! state. Skipped, loudly, where no browser is installed.

use crate::browser::{self, Browser, DESKTOP, PHONE};
use crate::helpers::TestApp;
use quorate::demo::DEMO_PASSWORD;

const OFFICER: &str = "nadia.hussain@ashby.example";
const SPONSOR: &str = "priya.shah@ashby.example";
const CHAIR: &str = "margaret.hale@northshire.example";
const CLERK: &str = "sam.clarke@northshire.example";
const POLICE_AUTHOR: &str = "sarah.lewis@police.northshire.example";
const MEMBER: &str = "priya.shah@ashby.example";

/// The demo, and a browser on it; `None` (skipped) without a browser.
async fn demo_and_browser(name: &str, size: (u32, u32)) -> Option<(TestApp, Browser)> {
    if !browser::available() {
        return None;
    }
    let app = TestApp::spawn_demo().await;
    let b = Browser::open(&app.address, name, size).await;
    Some((app, b))
}

/// A report author writes a paper through the cover-sheet form and submits
/// it, meeting an error on the way; the sponsor signs it off.
#[tokio::test]
async fn an_officer_writes_and_submits_a_paper_through_the_form() {
    let Some((app, b)) = demo_and_browser("author", DESKTOP).await else {
        return;
    };
    b.run(|mut b| async move {
        b.sign_in(OFFICER, DEMO_PASSWORD).await;
        b.check_page("author home").await;
        // From the home page to the Board's meeting that is open for papers.
        b.goto("/").await;
        b.click_link("Northshire Public Service Board").await;
        b.check_page("board page").await;
        let upcoming = b
            .client
            .find_all(fantoccini::Locator::XPath(
                "//table[.//caption[contains(., 'Upcoming')]]//a",
            ))
            .await
            .expect("upcoming meetings");
        assert!(upcoming.len() >= 2, "the Board page lists its next meetings");
        upcoming[1].click().await.expect("open the later meeting");
        b.sees("Papers due").await;
        b.check_page("meeting timeline (author)").await;

        b.fill("Title of the paper", "Warm spaces for the winter").await;
        b.click_button("Start the paper").await;
        b.wait_to_see("Write your paper").await;
        // A blank paper has nothing completed, and only what may be left
        // empty says so.
        b.does_not_see("Completed").await;
        let optional = b
            .client
            .find_all(fantoccini::Locator::XPath(
                "//ul[@class='task-list']/li[.//strong[normalize-space(.)='Optional']]/a",
            ))
            .await
            .expect("task list");
        let mut names = Vec::new();
        for a in optional {
            names.push(a.text().await.unwrap_or_default());
        }
        assert_eq!(names, ["Consultation", "Exempt information"]);
        b.check_page("cover sheet, blank").await;

        // The presenter and sponsor lists start with the author's own
        // organisation; the author is not offered as their own sponsor.
        let first_group = |list: &'static str| {
            let b = &b;
            async move {
                let group = b
                    .client
                    .find(fantoccini::Locator::XPath(&format!(
                        "//select[@name='{list}']/optgroup[1]"
                    )))
                    .await
                    .expect("a first group");
                let label = group.attr("label").await.expect("label").unwrap_or_default();
                let mut names = Vec::new();
                for o in group
                    .find_all(fantoccini::Locator::Css("option"))
                    .await
                    .expect("options")
                {
                    names.push(o.text().await.unwrap_or_default());
                }
                (label, names)
            }
        };
        let (org, presenters) = first_group("presenter_user_id").await;
        assert_eq!(org, "Ashby District Council");
        assert!(presenters.contains(&"Nadia Hussain".to_string()), "{presenters:?}");
        let (org, sponsors) = first_group("sponsor_user_id").await;
        assert_eq!(org, "Ashby District Council");
        assert!(
            sponsors.contains(&"Cllr Priya Shah".to_string())
                && !sponsors.contains(&"Nadia Hussain".to_string()),
            "{sponsors:?}"
        );
        b.tick("For decision").await;
        b.choose("Presenting organisation", "Ashby District Council").await;
        b.choose("Presenter", "Nadia Hussain").await;
        b.choose("Sponsor", "Cllr Priya Shah").await;
        b.tick("This is a key decision").await;
        b.fill("Purpose", "To agree a network of warm spaces in Ashby this winter.").await;
        b.fill(
            "Executive summary",
            "Ashby has 1,200 households in fuel poverty. Libraries, churches and community centres can open as warm spaces from December at a cost of £18,000, met from the household support fund.",
        )
        .await;
        b.fill(
            "Recommendations",
            "Agree the warm spaces network for December to March.",
        )
        .await;
        // Financial implications left out on purpose.
        b.fill("Legal", "None.").await;
        b.fill("Risk", "Low: venues are already insured for public use.").await;
        b.tick("Done").await;
        b.fill(
            "Equality: what it found, or why none is needed",
            "Older and disabled residents benefit most; all venues are step-free.",
        )
        .await;
        b.fill("Environment and climate", "Shared heating reduces total energy use.").await;
        b.tick("Northshire County Council").await;
        b.tick("Narrowing the gap").await;
        // Saving a draft keeps everything and says so.
        b.click_button("Save draft").await;
        b.wait_to_see("Draft saved").await;
        b.sees("In progress").await;
        assert_eq!(b.value_of("Legal").await, "None.");
        b.fill(
            "Body of the paper",
            "## Background\n\nLast winter three pilot sites had 2,400 visits.\n\n## Proposal\n\nTwelve venues, open four afternoons a week.",
        )
        .await;
        b.click_button("Save and check before submitting").await;
        b.wait_to_see("Check your paper before you submit it").await;
        b.sees("There is a problem").await;
        b.check_page("check your paper, a problem").await;

        // The error summary link lands on the field, with its inline error,
        // and everything typed was saved.
        b.click_link("State the financial implications").await;
        b.wait_to_see("Write your paper").await;
        b.assert_landed_on_error("implications-financial").await;
        b.check_page("cover sheet, an error at the field").await;
        assert_eq!(b.value_of("Legal").await, "None.");
        assert!(b.is_ticked("For decision").await);
        assert!(b.is_ticked("Northshire County Council").await);
        b.sees("In progress").await;

        b.fill("Financial", "£18,000 from the household support fund; no new money.")
            .await;
        // Drafts saved so far added no versions; the author keeps one now.
        b.click_button("Save a version").await;
        b.wait_to_see("kept as a version").await;
        b.click_button("Save and check before submitting").await;
        b.wait_to_see("Check your paper before you submit it").await;
        b.does_not_see("There is a problem").await;
        b.sees("£18,000 from the household support fund").await;
        b.check_page("check your paper").await;
        b.click_button("Submit paper").await;
        b.wait_to_see("Paper submitted").await;
        b.check_page("paper submitted").await;
        let paper_path = b.path().await;
        // Three versions, not one per save: the first, the one the author
        // kept (with what changed), and the submission.
        let mut history = Vec::new();
        for row in b
            .client
            .find_all(fantoccini::Locator::XPath(
                "//table[.//caption[normalize-space(.)='Versions']]//tbody/tr",
            ))
            .await
            .expect("history")
        {
            history.push(row.text().await.unwrap_or_default());
        }
        assert_eq!(history.len(), 3, "{history:?}");
        assert!(history[0].contains("First version"), "{history:?}");
        assert!(
            history[1].contains("Financial implications") && history[1].contains("Summary"),
            "{history:?}"
        );
        assert!(
            history[2].contains("Submitted") && history[2].contains("No change to the paper"),
            "{history:?}"
        );

        // "Your papers" says what happens next.
        b.click_link("Your papers").await;
        b.wait_to_see("Warm spaces for the winter").await;
        b.sees("Waiting for the sponsor to sign it off.").await;
        b.check_page("your papers").await;
        b.goto(&paper_path).await;

        // At phone width the paper page still reads without scrolling sideways.
        b.set_viewport(PHONE.0, PHONE.1).await;
        b.goto(&paper_path).await;
        b.check_page("paper submitted, phone").await;
        b.set_viewport(DESKTOP.0, DESKTOP.1).await;

        // The sponsor finds it waiting for sign-off and signs it off.
        b.sign_out().await;
        b.sign_in(SPONSOR, DEMO_PASSWORD).await;
        b.sees("Papers waiting for your sign-off").await;
        b.check_page("sponsor home").await;
        b.click_link("Sign off “Warm spaces for the winter”").await;
        b.click_button("Sign off").await;
        b.wait_to_see("Your sign-off is recorded").await;

        // Submitted, it is in the body's forward plan as a key decision.
        b.goto("/bodies/northshire-psb/forward-plan").await;
        let entry = b
            .client
            .find(fantoccini::Locator::XPath(
                "//li[contains(@class, 'plan-item')][.//strong[normalize-space(.)='Warm spaces for the winter']]",
            ))
            .await
            .expect("the paper in the forward plan")
            .text()
            .await
            .unwrap_or_default();
        assert!(
            entry.contains("Key decision") && entry.contains("Paper received"),
            "{entry}"
        );
        b
    })
    .await;
    drop(app);
}

/// A member of the public, on a phone: from the home page to the Board's
/// last meeting, its agenda, a paper, the decisions taken, follow-through,
/// and a search for two words of a paper. Exempt material never shows.
#[tokio::test]
async fn the_public_finds_a_past_meeting_its_papers_and_decisions_on_a_phone() {
    let Some((app, b)) = demo_and_browser("public", PHONE).await else {
        return;
    };
    b.run(|mut b| async move {
        b.goto("/").await;
        b.check_page("public home, phone").await;
        b.click_link("Northshire Public Service Board").await;
        b.wait_to_see("Past meetings").await;
        b.check_page("board page, phone").await;
        open_latest_past_meeting(&b).await;
        b.does_not_see("Papers due").await;
        b.does_not_see(EXEMPT_PAST_PAPER).await;
        b.check_page("past meeting, phone").await;

        b.click_link("Agenda page").await;
        b.wait_to_see("Memory cafés").await;
        b.does_not_see(EXEMPT_PAST_PAPER).await;
        b.check_page("published agenda, phone").await;
        b.click_link("Memory cafés").await;
        b.wait_to_see("dementia support").await;
        // What was decided on it, and what follows.
        b.sees("Decided at the meeting").await;
        b.sees("Approved the memory cafés pilot for twelve months.")
            .await;
        b.sees("Recruit volunteers for the memory cafés").await;
        b.check_page("published paper, phone").await;
        b.click_link("All the decisions of this meeting").await;
        b.wait_to_see("Decisions taken").await;
        b.does_not_see(EXEMPT_PAST_PAPER).await;
        // The decision note, published the day after: not yet approved
        // minutes, without what is confidential.
        b.click_link("Decision note (not yet approved minutes)")
            .await;
        b.wait_to_see("Not yet approved minutes").await;
        b.sees("Approved the memory cafés pilot for twelve months.")
            .await;
        b.does_not_see(EXEMPT_PAST_PAPER).await;
        b.check_page("decision note, phone").await;
        b.back().await;
        b.back().await;

        b.goto("/bodies/northshire-psb").await;
        b.click_link("How partners follow through on actions").await;
        b.check_page("follow-through, phone").await;

        // What is coming: the forward plan, and its calendar to subscribe to.
        b.goto("/bodies/northshire-psb").await;
        b.click_link("Forward plan: what the next meetings will discuss")
            .await;
        b.wait_to_see("Key decision").await;
        b.sees("Narrowing the gap: school-readiness programme for 2027-28")
            .await;
        b.does_not_see(EXEMPT_PAST_PAPER).await;
        b.check_page("forward plan, phone").await;
        let href = b
            .link("Subscribe to the forward plan (iCalendar)")
            .await
            .attr("href")
            .await
            .ok()
            .flatten()
            .unwrap_or_default();
        assert!(
            b.fetch_content_type(&href)
                .await
                .starts_with("text/calendar"),
            "{href}"
        );

        b.goto("/").await;
        b.click_link("What we achieved").await;
        b.wait_to_see("Agreed the joint winter plan").await;
        b.does_not_see(EXEMPT_PAST_PAPER).await;
        b.check_page("what we achieved, phone").await;

        // The search box at the top of every page.
        b.fill("Search papers, decisions and actions", "dementia support")
            .await;
        b.click_button("Search").await;
        b.wait_to_see("Memory cafés").await;
        assert_eq!(
            b.value_of("Words to find").await,
            "dementia support",
            "the search page keeps the words"
        );
        b.check_page("search for two words, phone").await;
        // What the Board decided about it: only decisions, then the meeting.
        b.fill("Words to find", "memory cafés").await;
        b.click_button("Narrow the search").await;
        b.choose("What to find", "Decisions").await;
        b.click_button("Search").await;
        b.wait_to_see("Approved the memory cafés pilot for twelve months.")
            .await;
        b.does_not_see("Memory cafés: a twelve-month pilot").await;
        b.does_not_see(EXEMPT_PAST_PAPER).await;
        b.check_page("search narrowed to decisions, phone").await;
        // A decision is named by its reference; it opens on its meeting.
        b.click_link("northshire-psb/").await;
        b.wait_to_see("Decisions taken").await;
        b.sees("Approved the memory cafés pilot for twelve months.")
            .await;

        // A Welsh Public Services Board runs on its own rules, and its
        // agenda says why a confidential item is kept from the public.
        b.goto("/").await;
        b.click_link("Dyffryn Tawel Public Services Board").await;
        b.wait_to_see("Well-being of Future Generations").await;
        b.sees("every statutory member").await;
        b.check_page("a Welsh board and its rules, phone").await;
        let past = b
            .client
            .find(fantoccini::Locator::XPath(
                "//table[.//caption[starts-with(normalize-space(.), 'Past meetings')]]//tbody//a",
            ))
            .await
            .expect("the Welsh board's past meeting");
        past.click().await.expect("open the past meeting");
        b.click_link("Agenda page").await;
        b.wait_to_see("Schedule 12A, paragraph 14").await;
        b.does_not_see("Leisure centre transfer").await;
        b.click_link("Why it is restricted").await;
        b.wait_to_see("The public interest test").await;
        b.sees("weaken it and could cost public money").await;
        b.does_not_see("Leisure centre transfer").await;
        b.check_page("why an item is restricted, phone").await;
        b
    })
    .await;
    drop(app);
}

/// A board member on a phone: sees their actions, updates one with a note,
/// reads the members' briefing, opens a paper from it and gets the pack.
#[tokio::test]
async fn a_member_on_a_phone_updates_an_action_and_reads_the_briefing() {
    let Some((app, b)) = demo_and_browser("member", PHONE).await else {
        return;
    };
    b.run(|mut b| async move {
        b.sign_in(MEMBER, DEMO_PASSWORD).await;
        b.sees("Your actions").await;
        b.check_page("member home, phone").await;
        b.click_link("Recruit volunteers for the memory cafés")
            .await;
        b.wait_to_see("Update the action").await;
        b.check_page("action, phone").await;
        b.fill(
            "Progress note",
            "Twelve volunteers recruited; training booked.",
        )
        .await;
        b.choose("Status", "In progress").await;
        b.click_button("Save").await;
        b.wait_to_see("Action updated").await;
        b.sees("Twelve volunteers recruited").await;
        b.check_page("action updated, phone").await;

        b.goto("/bodies/northshire-psb").await;
        open_latest_past_meeting(&b).await;
        b.click_link("Members' briefing").await;
        b.wait_to_see("Memory cafés").await;
        b.check_page("members' briefing, phone").await;
        b.click_link("Read the paper: Memory cafés").await;
        b.wait_to_see("dementia support").await;
        b.check_page("paper from the briefing, phone").await;
        b.back().await;
        b.back().await;
        b.wait_to_see("Decisions taken").await;
        let pack = b
            .link("Members' pack, with confidential papers (PDF)")
            .await
            .attr("href")
            .await
            .expect("href")
            .unwrap_or_default();
        let kind = b.fetch_content_type(&pack).await;
        assert_eq!(
            kind, "application/pdf",
            "the members' pack downloads as a PDF"
        );
        b.click_link("Members' briefing").await;
        b.wait_to_see("Your interests").await;
        // An interest declared before the meeting, from the briefing: an
        // empty form says what is missing; then it is in the record.
        b.click_button("Declare the interest").await;
        b.wait_to_see("There is a problem").await;
        b.sees("Choose the item the interest is in.").await;
        b.check_page("declaring an interest, an error, phone").await;
        b.choose("Item", "Memory cafés").await;
        b.fill("Your interest", "Volunteers at the Ashby memory café")
            .await;
        b.click_button("Declare the interest").await;
        b.wait_to_see("Interest declared").await;
        b.sees("Volunteers at the Ashby memory café").await;

        // Their meetings in their calendar app: a webcal:// link to
        // subscribe, and the link in a field to copy, without JavaScript.
        b.click_link("Cllr Priya Shah").await;
        b.wait_to_see("Your calendar feed").await;
        b.click_button("Make a calendar link").await;
        b.wait_to_see("Your new calendar link").await;
        let subscribe = b
            .link("Subscribe in your calendar app")
            .await
            .attr("href")
            .await
            .expect("href")
            .unwrap_or_default();
        let copy = b.value_of("Calendar link to copy").await;
        assert!(subscribe.starts_with("webcal://"), "{subscribe}");
        assert!(copy.starts_with("http"), "{copy}");
        assert_eq!(
            subscribe.trim_start_matches("webcal://"),
            copy.trim_start_matches("https://")
                .trim_start_matches("http://"),
            "the same feed"
        );
        let kind = b.fetch_content_type(&copy).await;
        assert!(kind.starts_with("text/calendar"), "{kind}");
        b.check_page("calendar link, phone").await;

        // Their register of interests: a gift under the threshold is not
        // registered, and everything typed stays; then it is.
        b.goto("/account").await;
        b.click_link("Your register of interests").await;
        b.wait_to_see("Shah Youth Projects Ltd runs the Eastwick youth hub")
            .await;
        b.check_page("register of interests, phone").await;
        b.choose("Kind of interest", "Gifts and hospitality").await;
        b.fill("What it is", "Lunch with the Chamber of Commerce")
            .await;
        b.fill("Value, for gifts and hospitality (£)", "30").await;
        b.click_button("Register the interest").await;
        b.wait_to_see("There is a problem").await;
        b.sees("under £50.00").await;
        b.sees("Enter the date it began").await;
        b.check_page("register of interests, an error, phone").await;
        assert_eq!(
            b.value_of("What it is").await,
            "Lunch with the Chamber of Commerce",
            "kept as typed"
        );
        b.fill("Value, for gifts and hospitality (£)", "60").await;
        b.fill("Day", "2").await;
        b.fill("Month", "11").await;
        b.fill("Year", "2026").await;
        b.click_button("Register the interest").await;
        b.wait_to_see("Interest registered").await;
        b.sees("£60.00").await;

        // A page that is not there says so, and keeps the signed-in header.
        b.goto("/papers/no-such-paper").await;
        b.sees("Page not found").await;
        b.sees("Sign out").await;
        b.check_page("page not found, signed in").await;
        b
    })
    .await;
    drop(app);
}

/// The exempt paper at the demo Board's last meeting: the public never
/// sees its title.
const EXEMPT_PAST_PAPER: &str = "Housing first: one referral route for people sleeping rough";

/// On a body's page: opens the newest meeting in "Past meetings".
async fn open_latest_past_meeting(b: &Browser) {
    let past = b
        .client
        .find(fantoccini::Locator::XPath(
            "//table[.//caption[starts-with(normalize-space(.), 'Past meetings')]]//tbody//a",
        ))
        .await
        .expect("a past meeting");
    past.click().await.expect("open the past meeting");
    b.wait_to_see("Decisions taken").await;
}

/// The chair decides a late paper from their home page, with a reason.
#[tokio::test]
async fn the_chair_approves_a_late_paper_with_a_reason() {
    let Some((app, b)) = demo_and_browser("chair", DESKTOP).await else {
        return;
    };
    b.run(|mut b| async move {
        b.sign_in(CHAIR, DEMO_PASSWORD).await;
        b.sees("Late papers for you to decide").await;
        b.check_page("chair home").await;
        b.click_link("Decide whether the late paper").await;
        b.wait_to_see("Late paper: your decision as chair").await;
        // A decision without a choice is refused, keeping the reason typed.
        b.fill(
            "Reason for your decision",
            "The figures only arrived this week.",
        )
        .await;
        b.click_button("Record decision").await;
        b.wait_to_see("There is a problem").await;
        assert_eq!(
            b.value_of("Reason for your decision").await,
            "The figures only arrived this week."
        );
        b.check_page("late decision, an error").await;
        b.tick("Yes, approve it as urgent").await;
        b.click_button("Record decision").await;
        b.wait_to_see("Your decision is recorded").await;
        b.check_page("late decision recorded").await;
        b
    })
    .await;
    drop(app);
}

/// The secretariat: accepts papers, adds a verbal item (after a mistake),
/// orders the agenda, reads the balance and publishes; then records the
/// last meeting (attendance, a declaration, a decision and an action, after
/// a mistake) and edits, circulates and approves its minutes.
#[tokio::test]
async fn the_secretariat_builds_publishes_and_records() {
    let Some((app, b)) = demo_and_browser("secretariat", DESKTOP).await else {
        return;
    };
    let clock = app.clock.clone();
    b.run(|mut b| async move {
        // The chair lets the late paper in first.
        b.sign_in(CHAIR, DEMO_PASSWORD).await;
        b.click_link("Decide whether the late paper").await;
        b.tick("Yes, approve it as urgent").await;
        b.fill(
            "Reason for your decision",
            "Beds are needed before January.",
        )
        .await;
        b.click_button("Record decision").await;
        b.wait_to_see("Your decision is recorded").await;
        b.sign_out().await;

        b.sign_in(CLERK, DEMO_PASSWORD).await;
        b.check_page("secretariat home").await;
        b.click_link("Check and accept 2 submitted papers").await;
        b.wait_to_see("Build the agenda").await;
        b.sees("Publishing is offered once these are sorted out")
            .await;
        b.check_page("agenda builder, blocked").await;
        let builder = b.path().await;
        // The late paper, now approved, is accepted.
        b.click_link("Winter shelter: extra beds from January")
            .await;
        b.click_button("Accept for the agenda").await;
        b.wait_to_see("Paper accepted for the agenda").await;
        // A paper not yet signed off cannot be accepted: no button, but why.
        b.goto(&builder).await;
        b.click_link("Safer streets: night-time economy in Eastwick town centre")
            .await;
        b.sees("The sponsor has not signed the paper off").await;
        b.does_not_see("Accept for the agenda").await;
        b.check_page("paper waiting for sign-off (secretariat)")
            .await;
        // It goes back to its author instead, after a reason is given.
        b.click_button("Return to author").await;
        b.wait_to_see("There is a problem").await;
        b.check_page("return a paper, an error").await;
        b.fill(
            "Return to the author: what should change?",
            "Please add the costs and get the sponsor's sign-off.",
        )
        .await;
        b.click_button("Return to author").await;
        b.wait_to_see("Paper returned to its author").await;
        b.check_page("paper returned").await;

        b.goto(&builder).await;

        // A verbal item, with the reason forgotten first.
        b.fill("Title", "Flood response: verbal update").await;
        b.choose("What is it for?", "For information").await;
        b.choose("Presenting organisation", "Northshire County Council")
            .await;
        b.fill("Minutes", "ten").await;
        b.click_button("Add the item").await;
        b.wait_to_see("There is a problem").await;
        assert_eq!(b.value_of("Title").await, "Flood response: verbal update");
        b.check_page("agenda builder, an error").await;
        b.fill("Minutes", "10").await;
        b.fill(
            "Why is there no paper?",
            "The river peaked on Sunday; figures are still coming in.",
        )
        .await;
        b.click_button("Add the item").await;
        b.wait_to_see("Flood response: verbal update").await;
        b.does_not_see("There is a problem").await;

        // Move the first movable item down, then let Quorate order them.
        b.click_button("Down: move item 5 down").await;
        b.wait_to_see("Build the agenda").await;
        b.click_button("Put in the suggested order (decisions, discussion, information)")
            .await;
        b.wait_to_see("Balance").await;
        b.sees("Substantive items by presenting organisation").await;
        b.does_not_see("Publishing is offered once").await;
        b.check_page("agenda builder, ready").await;
        // Cllr Priya Shah's register names Eastwick Borough Council, which
        // presents the winter shelter paper.
        b.sees("Cllr Priya Shah has registered an interest in Eastwick Borough Council")
            .await;
        b.click_link("Check and publish the agenda").await;
        b.wait_to_see("The agenda as it will be published").await;
        b.check_page("publish, check").await;
        b.click_button("Publish the agenda").await;
        b.wait_to_see("Agenda version 1 published").await;
        b.check_page("agenda published").await;
        // Its author sees it on their home page and resubmits it: late now,
        // so with a reason.
        b.sign_out().await;
        b.sign_in(POLICE_AUTHOR, DEMO_PASSWORD).await;
        b.sees("Change and resubmit “Safer streets").await;
        b.check_page("returned paper on the author's home").await;
        b.click_link("Change and resubmit “Safer streets").await;
        b.sees("Please add the costs and get the sponsor's sign-off.").await;
        b.click_link("Edit the paper").await;
        b.fill(
            "Financial",
            "£6,000 for two extra officers on Friday and Saturday nights, from the force's own budget.",
        )
        .await;
        b.click_button("Save and check before submitting").await;
        b.wait_to_see("Check your paper before you submit it").await;
        b.click_button("Submit paper").await;
        b.wait_to_see("There is a problem").await;
        b.check_page("resubmit late, an error").await;
        b.fill(
            "Why is this paper urgent?",
            "The licensing review closes before the next meeting.",
        )
        .await;
        b.click_button("Submit paper").await;
        b.wait_to_see("Paper submitted").await;
        b.sign_out().await;
        b.sign_in(CLERK, DEMO_PASSWORD).await;
        // On the builder it shows as a change since publication.
        b.goto(&builder).await;
        b.sees("Safer streets").await;

        // The last meeting's record.
        b.goto("/bodies/northshire-psb").await;
        open_latest_past_meeting(&b).await;
        b.click_link("Record the meeting").await;
        b.wait_to_see("Meeting record").await;
        b.check_page("meeting record").await;
        // Everyone's attendance on one form, saved with one press. A
        // substitute marked absent cannot stand in: the problem is named,
        // and every choice made stays on the page.
        b.tick_in("Attendance of Cllr Priya Shah", "Present").await;
        b.tick_in("Attendance of Cllr Ian Booth", "Absent").await;
        b.click_button("Save attendance").await;
        b.wait_to_see("There is a problem").await;
        b.sees("Cllr Ian Booth: Only someone present can stand in for a member.")
            .await;
        b.check_page("attendance, an error").await;
        let chosen = |who: &'static str, what: &'static str| {
            let b = &b;
            async move {
                b.client
                    .find(fantoccini::Locator::XPath(&format!(
                        "//fieldset[legend[normalize-space(.)='Attendance of {who}']]//label[normalize-space(.)='{what}']/input"
                    )))
                    .await
                    .expect("the choice")
                    .is_selected()
                    .await
                    .expect("selected")
            }
        };
        assert!(chosen("Cllr Priya Shah", "Present").await, "kept as typed");
        assert!(chosen("Cllr Ian Booth", "Absent").await, "kept as typed");
        b.choose("Substituting for (Cllr Ian Booth)", "Nobody").await;
        b.tick_in("Attendance of Cllr Margaret Hale", "Apologies").await;
        b.click_button("Save attendance").await;
        b.wait_to_see("Attendance saved").await;
        assert!(chosen("Cllr Priya Shah", "Present").await, "saved");
        assert!(chosen("Cllr Ian Booth", "Absent").await, "saved");
        assert!(chosen("Cllr Margaret Hale", "Apologies").await, "saved");
        b.click_button("Record on item 5").await;
        b.click_button("Record the action").await;
        b.wait_to_see("There is a problem").await;
        b.sees("Enter the due date, for example 27 3 2027.").await;
        b.check_page("meeting record, an error").await;
        // The item's form is open again, at the errors.
        b.fill("Action arising", "Publish the readiness figures by school")
            .await;
        b.choose("Owner", "Ben Carter").await;
        b.click_button("Record the action").await;
        b.wait_to_see("There is a problem").await;
        // What was typed is kept while the missing date is asked for.
        assert_eq!(
            b.value_of("Action arising").await,
            "Publish the readiness figures by school"
        );
        // Day, month and year, read leniently; each problem said exactly.
        b.fill("Day", "31").await;
        b.fill("Month", "Sept").await;
        b.click_button("Record the action").await;
        b.wait_to_see("The due date must include a year.").await;
        assert_eq!(b.value_of("Month").await, "Sept", "kept as typed");
        b.fill("Year", "2027").await;
        b.click_button("Record the action").await;
        b.wait_to_see("The due date must be a real date, for example 27 3 2027.")
            .await;
        b.check_page("due date, not a real date").await;
        b.fill("Day", "30").await;
        b.click_button("Record the action").await;
        b.wait_to_see("Publish the readiness figures by school")
            .await;
        b.sees("due Thursday 30 September 2027").await;
        b.does_not_see("There is a problem").await;
        b.click_button("Record on item 5").await;
        b.choose("Declaration by", "Cllr Priya Shah").await;
        b.fill(
            "Interest declared",
            "Her daughter teaches at a pilot school.",
        )
        .await;
        b.click_button("Record the declaration").await;
        b.wait_to_see("Her daughter teaches at a pilot school")
            .await;
        b.click_button("Record on item 5").await;
        b.fill(
            "Decision (resolution)",
            "Asked for the figures by school at the next meeting.",
        )
        .await;
        b.click_button("Record the decision").await;
        b.wait_to_see("Asked for the figures by school at the next meeting")
            .await;
        // A vote that does not carry the motion is refused, as typed.
        b.click_button("Record on item 5").await;
        b.fill("Decision (resolution)", "Noted the pilot's early figures.")
            .await;
        b.fill("For", "1").await;
        b.fill("Against", "2").await;
        b.click_button("Record the decision").await;
        b.wait_to_see("the motion was not carried").await;
        b.check_page("a vote that does not carry").await;
        assert_eq!(b.value_of("Against").await, "2", "kept as typed");
        b.fill("Against", "0").await;
        b.click_button("Record the decision").await;
        b.wait_to_see("Carried: 1 for, 0 against, 0 abstentions.")
            .await;
        // Someone leaves before an item: the item's quorum is said against
        // it, and a departure recorded by mistake is taken back.
        b.click_button("Record on item 5").await;
        b.choose("Who", "Cllr Priya Shah").await;
        b.tick_in("What happened", "Left before this item").await;
        b.click_button("Record the arrival or departure").await;
        b.wait_to_see("Cllr Priya Shah left before this item").await;
        b.sees("For this item:").await;
        b.check_page("an item's arrivals and departures").await;
        b.click_button("Remove").await;
        b.wait_to_see("Removed.").await;
        b.does_not_see("Cllr Priya Shah left before this item")
            .await;
        // The meeting's decision note, from the record, not yet approved.
        let record = b.path().await;
        let record = record.split('?').next().unwrap_or_default();
        b.goto(&record.replace("/record", "/decision-note")).await;
        b.wait_to_see("Not yet approved minutes").await;
        b.sees("Asked for the figures by school at the next meeting")
            .await;
        b.sees("Carried: 1 for, 0 against, 0 abstentions.").await;
        b.check_page("decision note").await;
        b.back().await;

        // A decision recorded in error is withdrawn, with a reason; one
        // with actions is corrected instead.
        let decision_on = |words: &'static str| {
            let b = &b;
            async move {
                let li = b
                    .client
                    .find(fantoccini::Locator::XPath(&format!(
                        "//li[starts-with(@id, 'decision-')][contains(., '{words}')]"
                    )))
                    .await
                    .expect("the decision");
                let reference = li
                    .find(fantoccini::Locator::Css("strong"))
                    .await
                    .expect("its reference")
                    .text()
                    .await
                    .unwrap_or_default();
                (li, reference)
            }
        };
        let press = |li: &fantoccini::elements::Element, button: &'static str| {
            let li = li.clone();
            async move {
                li.find(fantoccini::Locator::XPath(&format!(
                    ".//*[self::button or self::summary][starts-with(normalize-space(.), '{button}')]"
                )))
                .await
                .expect("the button")
                .click()
                .await
                .expect("press");
            }
        };
        let (li, wrong) = decision_on("Asked for the figures by school").await;
        press(&li, "Correct or withdraw").await;
        press(&li, "Withdraw the decision").await;
        b.wait_to_see("Enter why it is withdrawn.").await;
        let (li, _) = decision_on("Asked for the figures by school").await;
        b.fill(
            &format!("Why it is withdrawn ({wrong})"),
            "Recorded on the wrong item: the board asked for this under item 6.",
        )
        .await;
        press(&li, "Withdraw the decision").await;
        b.wait_to_see("Decision withdrawn").await;
        let (li, _) = decision_on("Asked for the figures by school").await;
        let shown = li.text().await.unwrap_or_default();
        assert!(
            shown.contains("Withdrawn") && shown.contains("Recorded on the wrong item"),
            "{shown}"
        );
        let (li, cafes) = decision_on("memory cafés pilot").await;
        press(&li, "Correct or withdraw").await;
        b.fill(
            &format!("Corrected resolution ({cafes})"),
            "Approved the memory cafés pilot for twelve months, starting in January.",
        )
        .await;
        b.fill(&format!("Why it is corrected ({cafes})"), "The start month was left out.")
            .await;
        press(&li, "Correct the decision").await;
        b.wait_to_see("Decision corrected").await;
        b.sees("starting in January").await;
        b.check_page("decision corrected").await;

        // An action given to the wrong person, with the wrong date, is put
        // right with a reason; one recorded in error is withdrawn.
        let li = action_on(&b, "Publish the readiness figures by school").await;
        press(&li, "Correct or withdraw").await;
        assert_eq!(b.value_of("Year").await, "2027", "the form starts from the action");
        b.choose("Owner", "Nadia Hussain").await;
        b.fill("Day", "15").await;
        b.fill("Month", "Oct").await;
        press(&li, "Correct the action").await;
        b.wait_to_see("Enter why it is corrected.").await;
        b.check_page("action correction, an error").await;
        // The summary's link lands on the reason, in the form left open.
        let id = action_on(&b, "Publish the readiness figures by school")
            .await
            .attr("id")
            .await
            .expect("id")
            .unwrap_or_default()
            .replace("action-", "");
        b.click_link("Enter why it is corrected.").await;
        b.assert_landed_on_error(&format!("fixact-reason-{id}")).await;
        b.check_page("action correction, at the reason").await;
        // What was typed is kept while the reason is asked for.
        assert_eq!(b.value_of("Month").await, "Oct");
        b.fill(
            "Why it is corrected",
            "The board gave it to the Ashby officer, for October.",
        )
        .await;
        let li = action_on(&b, "Publish the readiness figures by school").await;
        press(&li, "Correct the action").await;
        b.wait_to_see("Action corrected").await;
        let li = action_on(&b, "Publish the readiness figures by school").await;
        let shown = li.text().await.unwrap_or_default();
        assert!(
            shown.contains("Nadia Hussain") && shown.contains("due Friday 15 October 2027"),
            "{shown}"
        );
        b.click_button("Record on item 5").await;
        b.fill("Action arising", "Write to every pilot school").await;
        b.choose("Owner", "Ben Carter").await;
        b.fill("Day", "1").await;
        b.fill("Month", "2").await;
        b.fill("Year", "2027").await;
        b.click_button("Record the action").await;
        b.wait_to_see("Write to every pilot school").await;
        let li = action_on(&b, "Write to every pilot school").await;
        press(&li, "Correct or withdraw").await;
        b.fill(
            "Why it is withdrawn",
            "Recorded in error: nobody agreed to write to the schools.",
        )
        .await;
        press(&li, "Withdraw the action").await;
        b.wait_to_see("Action withdrawn").await;
        b.does_not_see("Write to every pilot school").await;
        b.sees("Publish the readiness figures by school").await;
        b.check_page("action withdrawn").await;

        // Minutes: edit and save, circulate; approve once the next meeting
        // has met (after it, a week later).
        b.goto(&b.path().await.replace("/record", "/minutes")).await;
        b.wait_to_see("Edit the minutes").await;
        b.check_page("minutes, draft").await;
        let draft = b.value_of("Minutes (Markdown)").await;
        assert!(
            draft.contains("starting in January") && !draft.contains("figures by school at the next"),
            "the draft takes the corrected decision and leaves out the withdrawn one: {draft}"
        );
        b.fill(
            "Minutes (Markdown)",
            &format!("{draft}\n\nThe chair thanked the officers."),
        )
        .await;
        b.click_button("Save the minutes").await;
        b.wait_to_see("Minutes saved").await;
        b.click_button("Redraft from the meeting record").await;
        b.wait_to_see("Replace the minutes with a new draft?").await;
        assert!(
            b.value_of("Minutes (Markdown)")
                .await
                .contains("thanked the officers")
        );
        b.check_page("minutes, redraft asked").await;
        b.click_link("No, keep editing").await;
        b.click_button("Circulate the draft to members").await;
        b.wait_to_see("circulated to members").await;
        let minutes = b.path().await;
        clock.advance(chrono::Duration::days(13));
        b.sign_in(CLERK, DEMO_PASSWORD).await;
        b.goto(minutes.split('?').next().unwrap_or_default()).await;
        b.click_button("Approved at the next meeting: freeze and publish")
            .await;
        b.wait_to_see("Approve and publish these minutes?").await;
        b.check_page("minutes, approval asked").await;
        b.click_button("Yes, approve and publish the minutes").await;
        b.wait_to_see("Minutes approved, frozen and published")
            .await;
        b.does_not_see("Edit the minutes").await;
        // Once the minutes are approved the record stands.
        let approved = b.path().await;
        b.goto(&approved.split('?').next().unwrap_or_default().replace("/minutes", "/record"))
            .await;
        b.wait_to_see("Meeting record").await;
        b.does_not_see("Correct or withdraw").await;
        b
    })
    .await;
    drop(app);
}

/// The secretariat's account and meeting admin: schedules a meeting (a
/// wrong date first, the rest kept), asks to cancel it and keeps it, sees
/// where they are signed in and signs out everywhere.
#[tokio::test]
async fn the_secretariat_schedules_a_meeting_and_signs_out_everywhere() {
    let Some((app, b)) = demo_and_browser("clerk-admin", DESKTOP).await else {
        return;
    };
    b.run(|mut b| async move {
        b.sign_in(CLERK, DEMO_PASSWORD).await;
        b.goto("/bodies/northshire-psb").await;
        b.click_link("Manage members and priorities").await;
        b.fill("Day", "31").await;
        b.fill("Month", "2").await;
        b.fill("Year", "2027").await;
        b.fill("Starts at (London time)", "14:00").await;
        b.fill("Ends at (London time)", "16.30").await;
        b.fill("Where", "County Hall, Committee Room 2").await;
        b.click_button("Schedule meeting").await;
        b.wait_to_see("There is a problem").await;
        b.sees("The meeting date must be a real date, for example 27 3 2027.")
            .await;
        assert_eq!(b.value_of("Where").await, "County Hall, Committee Room 2");
        assert_eq!(b.value_of("Month").await, "2", "kept as typed");
        b.check_page("schedule a meeting, an error").await;
        // The summary's link lands on the day field.
        b.click_link("The meeting date must be a real date, for example 27 3 2027.")
            .await;
        b.assert_landed_on_error("date").await;
        b.check_page("schedule a meeting, at the date").await;
        b.fill("Day", "2").await;
        b.fill("Month", "March").await;
        b.click_button("Schedule meeting").await;
        b.wait_to_see("Meeting scheduled").await;
        b.check_page("meeting scheduled").await;

        b.fill("Reason for cancelling", "The budget has not been set yet.")
            .await;
        b.click_button("Cancel the meeting").await;
        b.wait_to_see("This cannot be undone").await;
        b.check_page("cancel a meeting, asked").await;
        b.click_link("No, keep the meeting").await;
        b.does_not_see("Cancelled").await;

        b.click_link("Sam Clarke").await;
        b.wait_to_see("Where you are signed in").await;
        b.sees("This browser").await;
        b.check_page("account").await;
        b.click_button("Sign out everywhere").await;
        b.wait_to_see("You have signed out on every device and browser")
            .await;
        b.goto("/account").await;
        b.wait_to_see("Sign in").await;
        assert!(b.path().await.starts_with("/login"));
        b
    })
    .await;
    drop(app);
}

/// The site admin looks up what the clerk changed, mistypes a date, fixes
/// it, and downloads the entries; on a phone.
#[tokio::test]
async fn the_admin_looks_up_who_changed_what_in_the_audit_log() {
    let Some((app, b)) = demo_and_browser("admin-audit", PHONE).await else {
        return;
    };
    b.run(|mut b| async move {
        b.sign_in("admin@northshire.example", DEMO_PASSWORD).await;
        b.goto("/admin").await;
        b.click_link("Audit log").await;
        b.wait_to_see("Every change to people").await;
        b.check_page("audit log").await;
        b.choose("Person", "Sam Clarke (sam.clarke@northshire.example)")
            .await;
        b.choose("Kind of record", "paper").await;
        b.fill("From date", "31/2/2026").await;
        b.click_button("Show entries").await;
        b.wait_to_see("There is a problem").await;
        b.sees("Enter a real date").await;
        assert_eq!(b.value_of("From date").await, "31/2/2026");
        b.check_page("audit log, an error").await;
        b.fill("From date", "1/1/2026").await;
        b.click_button("Show entries").await;
        b.wait_to_see("paper.accept").await;
        b.does_not_see("No entries match").await;
        b.check_page("audit log, filtered").await;
        let csv = b
            .link("Download these entries (CSV)")
            .await
            .attr("href")
            .await
            .expect("href")
            .unwrap_or_default();
        assert!(csv.contains("entity_type=paper"), "{csv}");
        let kind = b.fetch_content_type(&csv).await;
        assert!(kind.starts_with("text/csv"), "{kind}");

        // An organisation's policy for its people's registers of interests:
        // a threshold that is not money is refused as typed; then saved.
        b.goto("/admin/organisations").await;
        b.click_button("Not published, £50.00 (Eastwick Borough Council)")
            .await;
        b.fill("Gifts and hospitality registered from (£)", "fifty")
            .await;
        b.click_button("Save the policy (Eastwick Borough Council)")
            .await;
        b.wait_to_see("There is a problem").await;
        b.sees("Enter the threshold in pounds, like 50.").await;
        assert_eq!(
            b.value_of("Gifts and hospitality registered from (£)")
                .await,
            "fifty"
        );
        b.check_page("organisation policy, an error").await;
        b.fill("Gifts and hospitality registered from (£)", "25")
            .await;
        b.tick("Publish its people's registers on their profiles")
            .await;
        b.click_button("Save the policy (Eastwick Borough Council)")
            .await;
        b.wait_to_see("Saved. Registers follow the new policy at once.")
            .await;
        b.sees("Published, £25.00").await;
        b
    })
    .await;
    drop(app);
}

/// A member who has forgotten their password asks for a link from the
/// sign-in page, on a phone, mistypes the address, then the new password,
/// and is signed in; the link then no longer works.
#[tokio::test]
async fn a_member_resets_a_forgotten_password_by_email() {
    let Some((app, b)) = demo_and_browser("password-reset", PHONE).await else {
        return;
    };
    let inbox = app.smtp.clone();
    let state = app.state.clone();
    b.run(|mut b| async move {
        b.goto("/login").await;
        b.click_link("Forgotten your password?").await;
        b.wait_to_see("Reset your password").await;
        b.check_page("password reset, asked").await;
        b.fill("Email address", "priya.shah at ashby").await;
        b.click_button("Send me a link").await;
        b.wait_to_see("There is a problem").await;
        b.sees("Enter an email address in the correct format").await;
        assert_eq!(
            b.value_of("Email address").await,
            "priya.shah at ashby",
            "kept as typed"
        );
        b.check_page("password reset, an error").await;
        b.fill("Email address", MEMBER).await;
        b.click_button("Send me a link").await;
        b.wait_to_see("Check your email").await;
        b.sees(MEMBER).await;
        b.check_page("password reset, sent").await;

        quorate::jobs::run_once(&state).await.expect("mail worker");
        let mail = inbox
            .received()
            .into_iter()
            .find(|m| m.to == [MEMBER] && m.text().contains("/password-reset/"))
            .expect("the reset mail");
        let link = crate::helpers::link_in(&mail.text(), "http");
        let path = link
            .find("/password-reset/")
            .map(|at| link[at..].to_string())
            .expect("the link's path");
        b.goto(&path).await;
        b.wait_to_see("Choose a new password").await;
        b.check_page("password reset, choose").await;
        b.fill("New password", "short").await;
        b.fill("Type the new password again", "short").await;
        b.click_button("Save the password and sign in").await;
        b.wait_to_see("There is a problem").await;
        b.sees("at least 12 characters").await;
        b.check_page("password reset, too short").await;
        b.fill("New password", "kestrel meadow copper rain").await;
        b.fill("Type the new password again", "kestrel meadow copper rain")
            .await;
        b.click_button("Save the password and sign in").await;
        b.wait_to_see("Your new password has been saved").await;
        b.check_page("password reset, done").await;
        b.sign_out().await;
        b.goto(&path).await;
        b.wait_to_see("This link does not work").await;
        b.check_page("password reset, link used").await;
        b.click_link("Ask for a new link").await;
        b.wait_to_see("Reset your password").await;
        b.sign_in(MEMBER, "kestrel meadow copper rain").await;
        b
    })
    .await;
    drop(app);
}

/// The record sheet's entry for the action whose words include `words`.
async fn action_on(b: &Browser, words: &str) -> fantoccini::elements::Element {
    b.client
        .find(fantoccini::Locator::XPath(&format!(
            "//li[starts-with(@id, 'action-')][contains(., '{words}')]"
        )))
        .await
        .expect("the action")
}

/// The secretariat checks the Board's mail on a phone: what went, what
/// waits, addresses shortened; cancels a waiting message, then sends it
/// after all.
#[tokio::test]
async fn the_secretariat_sees_each_messages_fate_and_retries_one() {
    let Some((app, b)) = demo_and_browser("mail-page", PHONE).await else {
        return;
    };
    b.run(|mut b| async move {
        b.sign_in(CLERK, DEMO_PASSWORD).await;
        b.goto("/bodies/northshire-psb/mail").await;
        b.wait_to_see("Every message Quorate has queued").await;
        b.sees("Call for papers").await;
        b.sees("Addresses are shortened here").await;
        b.does_not_see(MEMBER).await;
        b.sees("p…@ashby.example").await;
        b.check_page("mail page").await;
        b.click_link("Waiting").await;
        b.wait_to_see("Waiting").await;
        b.click_button("Cancel").await;
        b.wait_to_see("The message is cancelled and will not be sent.")
            .await;
        b.click_link("Failed").await;
        b.wait_to_see("Cancelled by Sam Clarke").await;
        b.check_page("mail page, failed").await;
        b.click_button("Send again").await;
        b.wait_to_see("The message will be sent again at the next mail run.")
            .await;
        b.click_link("Failed").await;
        b.wait_to_see("No messages here.").await;
        b
    })
    .await;
    drop(app);
}

/// A member on a phone chooses a daily digest and turns calls for papers
/// off on the account page, then follows the unsubscribe link in a message
/// already sent: the page asks first, and the account page shows the
/// result.
#[tokio::test]
async fn a_member_chooses_what_quorate_emails_and_unsubscribes_from_a_link() {
    let Some((app, b)) = demo_and_browser("mail-preferences", PHONE).await else {
        return;
    };
    let inbox = app.smtp.clone();
    let state = app.state.clone();
    const DAILY: &str = "Once a day, at 7am, in one email";
    const CALLS: &str = "Calls for papers, when a meeting is scheduled";
    b.run(|mut b| async move {
        // What was queued before the choice is sent as it was.
        quorate::jobs::run_once(&state).await.expect("mail worker");
        b.sign_in(MEMBER, DEMO_PASSWORD).await;
        b.goto("/account").await;
        b.wait_to_see("What Quorate emails you").await;
        b.sees("notices of meetings and their agendas").await;
        assert!(!b.is_ticked(DAILY).await);
        assert!(b.is_ticked(CALLS).await);
        b.check_page("account, mail settings").await;
        b.tick(DAILY).await;
        b.tick(CALLS).await;
        b.click_button("Save mail settings").await;
        b.wait_to_see("Your mail settings are saved.").await;
        assert!(b.is_ticked(DAILY).await, "kept");
        assert!(!b.is_ticked(CALLS).await, "kept");
        b.check_page("account, mail settings saved").await;

        let mail = inbox
            .received()
            .into_iter()
            .find(|m| {
                m.to == [MEMBER]
                    && m.header("List-Unsubscribe")
                        .is_some_and(|h| h.contains(".reminders.") || h.contains(".updates."))
            })
            .expect("a routine message with an unsubscribe link");
        let header = mail.header("List-Unsubscribe").unwrap_or_default();
        let path = header
            .find("/unsubscribe/")
            .map(|at| header[at..].trim_end_matches('>').to_string())
            .expect("the link's path");
        let label = if path.contains(".reminders.") {
            "Reminders before my papers and actions are due"
        } else {
            "Updates: draft minutes, proposal outcomes, referrals and withdrawn actions"
        };
        b.goto(&path).await;
        b.wait_to_see("Unsubscribe from this mail").await;
        b.sees("Priya Shah").await;
        b.check_page("unsubscribe, asked").await;
        b.click_button("Unsubscribe").await;
        b.wait_to_see("You are unsubscribed").await;
        b.check_page("unsubscribe, done").await;
        b.click_link("Change what Quorate sends you (sign in first)")
            .await;
        b.wait_to_see("What Quorate emails you").await;
        assert!(!b.is_ticked(label).await, "{label} is off");
        assert!(!b.is_ticked(CALLS).await, "still off");
        assert!(b.is_ticked(DAILY).await, "still daily");
        b
    })
    .await;
    drop(app);
}

/// A member of the public on a phone finds the accessibility statement
/// from the footer, and how to ask for a paper in another format.
#[tokio::test]
async fn the_public_finds_the_accessibility_statement_from_the_footer() {
    let Some((app, b)) = demo_and_browser("accessibility", PHONE).await else {
        return;
    };
    b.run(|mut b| async move {
        b.goto("/").await;
        b.click_link("Accessibility").await;
        b.wait_to_see("Accessibility statement").await;
        b.sees("need a paper, agenda or minutes in another format")
            .await;
        b.sees("We will reply within 10 working days.").await;
        b.check_page("accessibility statement, phone").await;
        b
    })
    .await;
    drop(app);
}
