"""The client's own page and the privacy pages in a real browser. The demo client reads their
easy-read page in both languages, adds the next appointment to their calendar and changes who may
have which report, and cannot open the coach's pages. A coach invites a new client, who opens
the link of the invitation mail, chooses their own password and then sees an empty page of their own. The coach
exports everything about a client and shares an anonymised case for peer review; the team lead reads
the team's load, the caseload settings and the CSV. Every page shown is checked by axe."""
import json
import re
import time

from playwright.sync_api import expect

from browser_support import check, client_path, invitation_path, login, new_page, signed_in, submit

COACH = "job-coach@demo.jobcoach.test"
TEAM_LEAD = "team-lead@demo.jobcoach.test"
CLIENT = "client@demo.jobcoach.test"  # the demo client account, linked to Lotte Visser
PLACED_CLIENT = "Lotte Visser"  # demo client on the job, placed at Distributiecentrum Lekdal
COACH_NAME = "Jamila Jobcoach"
OTHER_CLIENTS = ["Eva Mulder", "Bram Smit"]  # demo clients the client account must never see
IDENTIFYING = ["Lotte", "Visser", "Distributiecentrum", "Lekdal", "Houten"]
CONSENTS = ["consent-plan", "consent-progress", "consent-closing"]
NEW_PASSWORD = "a long new password 2026"


def path_of(page):
    return re.sub(r"^https?://[^/]+", "", page.url)


def new_client(page, name):
    """A new client of the signed-in coach, made through the form; returns the client's path."""
    page.goto("/clients/new")
    page.get_by_label("Naam", exact=True).fill(name)
    page.fill("#place", "Utrecht")
    page.locator("form[action='/clients'] button[type=submit]").click()
    expect(page.locator("h1")).to_have_text(name)
    path = path_of(page)
    assert re.fullmatch(r"/clients/[0-9A-Fa-f-]{36}", path), path
    return path


def lotte_path(browser, demo_password):
    page = signed_in(browser, COACH, demo_password)
    path = client_path(page, PLACED_CLIENT)
    page.context.close()
    return path


def test_the_client_reads_their_own_page_and_decides_about_reports(browser, demo_password):
    coach_path = lotte_path(browser, demo_password)
    page = new_page(browser)
    login(page, CLIENT, demo_password)
    expect(page).to_have_url(re.compile("/me$"))

    # The easy-read page, in Dutch.
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    main = page.locator("main")
    expect(page.locator("h1")).to_contain_text(PLACED_CLIENT)
    expect(main.get_by_role("heading", name="Wat komt er nu?")).to_have_count(1)
    for section in ["Mijn doelen", "Wat we hebben afgesproken", "Wat ik al heb bereikt", "Wie mag wat lezen?"]:
        expect(main.locator("details > summary", has_text=section)).to_have_count(1)
    expect(main.locator(".now")).to_contain_text(COACH_NAME)
    html = page.content()
    for other in OTHER_CLIENTS:
        assert other not in html, f"the client's page shows {other!r}"
    check(page, "the client's own page")

    # The appointments, also as a calendar file.
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Mijn afspraken").click()
    expect(page).to_have_url(re.compile("/me/appointments$"))
    link = page.get_by_role("link", name="Zet in mijn agenda")
    expect(link).to_have_count(1)
    calendar = page.request.get(link.get_attribute("href"))
    assert calendar.status == 200, calendar.status
    assert calendar.headers["content-type"].startswith("text/calendar"), calendar.headers["content-type"]
    assert calendar.text().startswith("BEGIN:VCALENDAR"), calendar.text()[:80]
    assert "END:VCALENDAR" in calendar.text()

    # Consent: every report has a yes and a no.
    page.goto("/me")
    page.locator("details#consent > summary").click()
    form = page.locator("form#consent-form")
    for name in CONSENTS:
        for value in ["yes", "no"]:
            expect(form.locator(f"input[type=radio][name='{name}'][value='{value}']")).to_have_count(1)
    # Flip the choice for the coaching plan report (reruns find the last run's choice), then put it back.
    before = "yes" if form.locator("input[name='consent-plan'][value=yes]").is_checked() else (
        "no" if form.locator("input[name='consent-plan'][value=no]").is_checked() else None)
    flipped = "no" if before == "yes" else "yes"
    form.locator(f"input[name='consent-plan'][value={flipped}]").check()
    submit(page, "consent-form", 200)
    expect(page.get_by_role("status")).to_have_text("Je keuze is opgeslagen.")
    expect(page.locator(f"#consent-form input[name='consent-plan'][value={flipped}]")).to_be_checked()
    check(page, "the client's page after a choice")
    if before:
        page.locator(f"#consent-form input[name='consent-plan'][value={before}]").check()
        submit(page, "consent-form", 200)
        expect(page.get_by_role("status")).to_have_text("Je keuze is opgeslagen.")
    submit(page, "consent-form", 200)
    expect(page.get_by_role("status")).to_have_text("Er is niets veranderd.")

    # The same page in English.
    page.goto("/me?lang=en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(main.get_by_role("heading", name="What comes next?")).to_have_count(1)
    for section in ["My goals", "What we agreed", "What I have reached", "Who may read what?"]:
        expect(main.locator("details > summary", has_text=section)).to_have_count(1)
    expect(page.get_by_role("link", name="All my appointments")).to_have_count(1)
    check(page, "the client's own page in English")
    page.goto("/me?lang=nl")
    expect(page.locator("html")).to_have_attribute("lang", "nl")

    # The coach's pages are not for the client.
    for target in ["/caseload", coach_path, coach_path + "/plan", coach_path + "/export", "/caseload/team"]:
        response = page.goto(target)
        assert response.status == 403, f"{target}: {response.status}"
    check(page, "forbidden for the client")
    export = page.request.get(coach_path + "/export.json")
    assert export.status == 403, export.status
    assert not export.headers["content-type"].startswith("application/json"), export.headers["content-type"]
    page.context.close()


def test_the_coach_invites_a_client_who_chooses_a_password(browser, demo_password):
    stamp = str(int(time.time() * 1000))
    name = f"Mila Uitnodiging {stamp}"
    email = f"mila.{stamp}@example.org"
    coach = signed_in(browser, COACH, demo_password)
    path = new_client(coach, name)

    coach.goto(path + "/account")
    expect(coach.locator("form#account-form")).to_have_count(1)
    check(coach, "account page without an account")
    coach.fill("#accountEmail", "geen-adres")
    submit(coach, "account-form", 422)
    expect(coach.locator(".error-summary a[href='#accountEmail']")).to_be_visible()
    expect(coach.locator("#accountEmail")).to_have_attribute("aria-invalid", "true")
    check(coach, "account page with a wrong address")
    coach.fill("#accountEmail", email)
    submit(coach, "account-form", 200)
    notice = coach.get_by_role("status")
    expect(notice).to_contain_text(email)
    invitation = invitation_path(notice.inner_text(), email)
    expect(coach.locator("form#account-form")).to_have_count(0)
    expect(coach.locator("main dl")).to_contain_text(email)
    check(coach, "account page with a new account")

    # The same address cannot be invited for another client.
    other_path = new_client(coach, f"Mila Dubbel {stamp}")
    coach.goto(other_path + "/account")
    coach.fill("#accountEmail", email.upper())
    submit(coach, "account-form", 422)
    expect(coach.locator(".error-summary a[href='#accountEmail']")).to_contain_text("Er is al een account")
    check(coach, "account page with an address in use")
    coach.context.close()

    # The client opens the invitation's link and chooses their own password.
    client = new_page(browser)
    client.goto(invitation)
    expect(client.locator("h1")).to_have_text("Welkom: kies uw wachtwoord")
    check(client, "the client's invitation")
    client.fill("#new", NEW_PASSWORD)
    client.fill("#confirm", NEW_PASSWORD)
    with client.expect_navigation():
        client.locator("#choose-password-form button[type=submit]").click()
    expect(client.get_by_role("status")).to_be_visible()
    login(client, email, NEW_PASSWORD)
    response = client.goto("/me")
    assert response.status == 200, response.status
    expect(client).to_have_url(re.compile("/me$"))
    expect(client.locator("h1")).to_contain_text(name)
    expect(client.locator(".now")).to_contain_text("Je hebt nu geen doel")
    client.goto("/me/coach")
    expect(client.locator("main")).to_contain_text(COACH_NAME)
    assert PLACED_CLIENT not in client.content()
    check(client, "the new client's own page")
    client.context.close()

    # And the new password works from another browser.
    again = new_page(browser)
    login(again, email, NEW_PASSWORD)
    expect(again).to_have_url(re.compile("/me$"))
    expect(again.locator("h1")).to_contain_text(name)
    again.context.close()


def test_the_coach_exports_a_client_and_shares_an_anonymised_case(browser, demo_password):
    stamp = str(int(time.time() * 1000))
    page = signed_in(browser, COACH, demo_password)
    path = client_path(page, PLACED_CLIENT)

    # Everything about the client, as a page and as JSON.
    response = page.goto(path + "/export")
    assert response.status == 200, response.status
    link = page.get_by_role("link", name="Alles als JSON downloaden")
    expect(link).to_have_count(1)
    expect(page.locator("main")).to_contain_text(PLACED_CLIENT)
    check(page, "export page")
    download = page.request.get(link.get_attribute("href"))
    assert download.status == 200, download.status
    assert download.headers["content-type"].startswith("application/json"), download.headers["content-type"]
    text = download.text()
    json.loads(text)
    assert PLACED_CLIENT in text
    for other in OTHER_CLIENTS:
        assert other not in text, f"the export of {PLACED_CLIENT} holds {other!r}"

    # Peer review: the summary holds nothing that names the client or the workplace.
    response = page.goto(path + "/peer-review")
    assert response.status == 200, response.status
    summary = page.locator("#summary")
    expect(summary).to_have_count(1)
    summary_text = summary.inner_text()
    assert summary_text.strip()
    for word in IDENTIFYING:
        assert word not in summary_text, f"the anonymised summary holds {word!r}:\n{summary_text}"
    check(page, "peer review page")

    question = f"Hoe houd ik Lotte gemotiveerd als de begeleiding afneemt? ({stamp})"
    page.fill("#peerQuestion", question)
    submit(page, "peer-form", 422)
    expect(page.locator(".error-summary a[href='#peerChecked']")).to_be_visible()
    expect(page.locator(".error-summary a[href='#peerQuestion']")).to_have_count(0)
    check(page, "peer review without the check")
    page.check("#peerChecked")
    submit(page, "peer-form")
    expect(page).to_have_url(re.compile("/peer-review$"))
    shared = page.locator("main section", has_text=stamp)
    expect(shared).to_have_count(1)
    expect(shared).to_contain_text(f"Hoe houd ik [naam] gemotiveerd als de begeleiding afneemt? ({stamp})")
    shared_text = shared.inner_text()
    for word in IDENTIFYING:
        assert word not in shared_text, f"the shared case holds {word!r}:\n{shared_text}"
    check(page, "peer review list")

    page.goto("/peer-review?lang=en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Peer review")
    check(page, "peer review list in English")
    page.context.close()


def test_the_team_lead_reads_the_load_settings_and_csv(browser, demo_password):
    lead = signed_in(browser, TEAM_LEAD, demo_password)
    response = lead.goto("/caseload")
    assert response.status == 200, response.status
    load = lead.locator("section.panel[aria-labelledby=load-heading]")
    expect(load.get_by_role("heading", name="Uw caseload")).to_have_count(1)
    expect(load.locator("meter")).to_have_count(1)
    check(lead, "the team lead's caseload")

    response = lead.goto("/caseload/team")
    assert response.status == 200, response.status
    # One bar per coach with the whole name and the figures beside it, and a legend for every mark;
    # readable at any width, without scrolling sideways.
    chart = lead.locator("figure#team-chart.row-chart")
    expect(chart).to_have_count(1)
    expect(chart.locator(".row-chart-rows li", has_text="Jamila Jobcoach")).to_have_count(1)
    expect(chart.locator(".row-chart-legend li")).to_have_count(3)
    for width in [1280, 390, 320]:
        lead.set_viewport_size({"width": width, "height": 900})
        assert lead.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), f"no sideways scrolling at {width} px"
        boxes = [chart.locator(".row-chart-rows li").nth(i).bounding_box() for i in range(chart.locator(".row-chart-rows li").count())]
        assert all(a["y"] + a["height"] <= b["y"] + 0.5 for a, b in zip(boxes, boxes[1:])), f"rows overlap at {width} px"
    lead.set_viewport_size({"width": 1280, "height": 900})
    table = lead.locator("table#team-table")
    expect(table).to_have_count(1)
    expect(table.locator("tbody tr", has_text="Jamila Jobcoach")).to_have_count(1)
    check(lead, "team page")
    lead.goto("/caseload/team?lang=en")
    expect(lead.locator("html")).to_have_attribute("lang", "en")
    check(lead, "team page in English")
    lead.goto("/caseload/team?lang=nl")
    expect(lead.locator("html")).to_have_attribute("lang", "nl")

    # The settings: a limit of zero is refused and nothing is saved.
    response = lead.goto("/caseload/settings")
    assert response.status == 200, response.status
    form = lead.locator("form#settings-form")
    expect(form).to_have_count(1)
    check(lead, "caseload settings")
    saved = lead.input_value("#caseloadPerFullTime")
    assert saved.isdigit(), saved
    lead.fill("#caseloadPerFullTime", "0")
    submit(lead, "settings-form", 422)
    expect(lead.locator(".error-summary a[href='#caseloadPerFullTime']")).to_be_visible()
    expect(lead.locator("#caseloadPerFullTime")).to_have_attribute("aria-invalid", "true")
    check(lead, "caseload settings with an error")
    lead.goto("/caseload/settings")
    assert lead.input_value("#caseloadPerFullTime") == saved

    csv = lead.request.get("/caseload/export.csv")
    assert csv.status == 200, csv.status
    assert csv.headers["content-type"].startswith("text/csv"), csv.headers["content-type"]
    header = csv.text().splitlines()[0]
    assert header.split(",")[0].strip('"') == "client", header
    assert PLACED_CLIENT in csv.text()
    lead.context.close()

    coach = signed_in(browser, COACH, demo_password)
    for target in ["/caseload/team", "/caseload/settings"]:
        response = coach.goto(target)
        assert response.status == 403, f"{target}: {response.status}"
    check(coach, "team page forbidden for a job coach")
    coach.context.close()


def test_erasure_on_request_needs_a_second_person_and_a_restriction_shows_everywhere(browser, demo_password):
    stamp = str(int(time.time() * 1000))
    coach = signed_in(browser, COACH, demo_password)
    name = f"Wies Wissen {stamp}"
    path = new_client(coach, name)
    coach.goto(path)
    coach.get_by_role("link", name="Wissen en beperken").click()
    expect(coach.locator("h1")).to_contain_text("Wissen en beperken")
    check(coach, "privacy page")

    # Without the export offered, the summary names the checkbox and takes focus.
    coach.fill("#receivedOn", time.strftime("%Y-%m-%d"))
    submit(coach, "erasure-form", 422)
    expect(coach.locator(".error-summary")).to_be_focused()
    expect(coach.locator(".error-summary a[href='#exportOffered']")).to_be_visible()
    check(coach, "privacy page with an error")
    coach.check("#exportOffered")
    submit(coach, "erasure-form", 200)
    expect(coach.get_by_role("status")).to_contain_text("Een tweede persoon moet het nog bevestigen")
    expect(coach.locator("form#erasure-confirm-form")).to_have_count(0)
    check(coach, "privacy page with an open request")

    lead = signed_in(browser, TEAM_LEAD, demo_password)
    lead.goto(path + "/privacy")
    expect(lead.locator("form#erasure-confirm-form")).to_have_count(1)
    check(lead, "privacy page for the second person")
    submit(lead, "erasure-confirm-form", 200)
    expect(lead.locator("h1")).to_have_text("De cliënt is gewist")
    check(lead, "erased")
    coach.goto("/caseload")
    expect(coach.locator("main")).not_to_contain_text(name)

    # A restriction: the banner on every page of the client, and changes refused with a reason.
    other = new_client(coach, f"Rik Beperkt {stamp}")
    coach.goto(other + "/privacy")
    coach.fill("#reason", "Betwist het verslag")
    submit(coach, "restriction-form", 200)
    for page_path in [other, other + "/plan", other + "/intake"]:
        coach.goto(page_path)
        expect(coach.locator(".restriction")).to_contain_text("Verwerking beperkt sinds")
    check(coach, "intake of a restricted client")
    coach.set_viewport_size({"width": 320, "height": 800})
    coach.goto(other)
    assert coach.evaluate("document.documentElement.scrollWidth") <= 320
    coach.context.close()
    lead.context.close()
