"""The practice in a real browser: a job coach takes on a new client and walks the trajectory from the
intake through the employee profile, an employer's workplace and the explained match, to a decision
and a placement, making mistakes on the way. Every page it passes is checked by axe; so are the
practice pages of the demo agency in both languages, the team lead's and the administrator's pages.
A coach of another team cannot open the client."""
import datetime
import re
import time

import pytest
from playwright.sync_api import expect

from browser_support import check, client_path, login, new_page

COACH = "job-coach@demo.jobcoach.test"
TEAM_LEAD = "team-lead@demo.jobcoach.test"
OTHER_TEAM_COACH = "job-coach-zuid@demo.jobcoach.test"


def move(page, path, phase, reason=""):
    page.goto(path)
    page.select_option("#to", phase)
    if reason:
        page.fill("#reason", reason)
    page.locator("form[action$='/move'] button[type=submit]").click()


def test_coach_takes_a_new_client_from_intake_to_placement(browser, demo_password):
    stamp = str(int(time.time()))
    today = datetime.date.today().isoformat()
    client_name = f"Mila Journey {stamp}"
    employer_name = f"Bakkerij Journey {stamp}"
    page = new_page(browser)
    login(page, COACH, demo_password)

    # The caseload is the start page of the practice.
    page.goto("/caseload")
    check(page, "caseload")
    page.get_by_role("link", name="Nieuwe cliënt").click()
    expect(page).to_have_url(re.compile("/clients/new$"))
    check(page, "new client")

    # A client without a name: the error summary names the field.
    page.locator("form[action='/clients'] button[type=submit]").click()
    expect(page.locator(".error-summary a[href='#name']")).to_be_visible()
    check(page, "new client with an error")
    page.get_by_label("Naam", exact=True).fill(client_name)
    page.fill("#place", "Utrecht")
    page.locator("form[action='/clients'] button[type=submit]").click()
    expect(page.locator("h1")).to_have_text(client_name)
    path = re.sub(r"^https?://[^/]+", "", page.url)
    assert re.fullmatch(r"/clients/[0-9A-Fa-f-]{36}", path), path
    check(page, "client page in the intake")

    # Moving on before the intake is recorded is refused, with the reason on the page.
    move(page, path, "employee-profile")
    expect(page.locator(".error-summary")).to_contain_text("intake")
    check(page, "forbidden move")

    # The checklist of the intake comes from the framework: tick one item with a note.
    first_item = page.locator("form.check-item").first
    first_item.locator("input[type=checkbox]").check()
    first_item.locator("input[name=note]").fill("Kennismaking bij de cliënt thuis.")
    first_item.locator("button[type=submit]").click()
    expect(page.locator("form.check-item").first.locator("input[type=checkbox]")).to_be_checked()

    page.goto(path + "/intake")
    check(page, "empty intake")
    page.fill("#heldOn", today)
    page.locator("#intake-form button[type=submit]").click()
    expect(page.locator(".error-summary a[href='#reason']")).to_be_visible()
    check(page, "intake with errors")
    page.get_by_label("Aanleiding").fill("Aangemeld door de gemeente.")
    page.fill("#question", "Betaald werk vinden dat blijft.")
    page.fill("#motivation", "Wil een eigen inkomen en collega's.")
    page.fill("#socialNetwork", "Moeder en zus, een vriendin uit de sportclub.")
    page.check("#codeOfConduct")
    page.locator("#intake-form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_have_count(0)
    check(page, "saved intake")

    move(page, path, "employee-profile")
    expect(page.locator("ol.steps li[aria-current=step]")).to_contain_text("Werknemersprofiel")

    # The employee profile: a mistake first (a made-up occupation), then agreed with the client.
    page.goto(path + "/profile")
    check(page, "empty employee profile")
    page.fill("#skills", "inpakken\nhygiëne")
    page.fill("#goals", "Een betaalde baan van minstens 12 uur binnen zes maanden.")
    page.fill("#planOfApproach", "Samen werkplekken bezoeken, proefdagen, dan plaatsing met begeleiding.")
    page.fill("#agreedOn", today)
    page.fill("#desiredOccupations", "hand packer\nzeemeermin der dromen")
    page.fill("#hoursMin", "12")
    page.fill("#hoursMax", "24")
    page.fill("#homePlace", "Utrecht")
    page.fill("#maxTravelKm", "15")
    page.check("#need-quiet-environment")
    page.check("#need-fixed-routine")
    page.check("#cannot-night-shifts")
    page.locator("#profile-form button[type=submit]").click()
    expect(page.locator(".error-summary a[href='#desiredOccupations']")).to_be_visible()
    expect(page.locator(".error-summary")).to_contain_text("zeemeermin der dromen")
    check(page, "employee profile with an unknown occupation")
    page.fill("#desiredOccupations", "hand packer")
    page.locator("#profile-form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_have_count(0)

    move(page, path, "workplace-profile")
    move(page, path, "matching")
    expect(page.locator("ol.steps li[aria-current=step]")).to_contain_text("matchen")

    # An employer and a workplace from a job analysis.
    page.goto("/employers")
    check(page, "employers")
    page.fill("#name", employer_name)
    page.fill("#sector", "Voeding")
    page.fill("#place", "Utrecht")
    page.locator("#employer-new button[type=submit]").click()
    expect(page.locator("h1")).to_have_text(employer_name)
    check(page, "employer")
    page.get_by_role("link", name="Nieuwe werkplek").first.click()
    check(page, "new workplace")
    page.fill("#title", f"Inpakker {stamp}")
    page.fill("#occupation", "hand packer")
    page.fill("#hoursMin", "30")
    page.fill("#hoursMax", "20")
    page.locator("#workplace-form button[type=submit]").click()
    expect(page.locator(".error-summary a[href='#hoursMin']")).to_be_visible()
    check(page, "workplace with an error")
    page.fill("#hoursMin", "12")
    page.fill("#requiredSkills", "inpakken")
    page.fill("#place", "Utrecht")
    page.check("#offer-quiet-environment")
    page.check("#offer-fixed-routine")
    page.check("#demand-night-shifts")
    page.check("#adjustable-night-shifts")
    page.locator("#workplace-form button[type=submit]").click()
    expect(page.locator("h1")).to_contain_text(f"Inpakker {stamp}")
    check(page, "workplace")
    workplace_id = page.url.rstrip("/").split("/")[-1]

    # The match, explained criterion by criterion; the night shifts need an adjustment.
    page.goto(path + "/matching?all=1")
    check(page, "matching")
    headings = page.locator("section.fit-group > h3").all_inner_texts()
    assert headings and all(re.match(r"^Past (zoals het is|met aanpassingen|niet) \(\d+\)$", h) for h in headings), headings
    card = page.locator("li.match", has=page.locator(f"input[name=workplace][value='{workplace_id}']"))
    expect(card).to_contain_text("aanpassing")
    expect(card.locator("ul.reasons li").first).to_be_visible()
    card.locator("summary").click()
    card.locator(f"#decision-match-{workplace_id}").check()
    card.locator("button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    check(page, "decision without reasons")
    card = page.locator("li.match", has=page.locator(f"input[name=workplace][value='{workplace_id}']"))
    if card.locator("details").get_attribute("open") is None:
        card.locator("summary").click()
    card.locator(f"#decision-match-{workplace_id}").check()
    card.locator(f"#forCommissioner-{workplace_id}").fill("Rustig werk met vaste taken past bij het profiel; nachtdiensten vallen weg.")
    card.locator(f"#forEmployer-{workplace_id}").fill("Mila werkt nauwkeurig en houdt van vaste routines.")
    card.locator("button[type=submit]").click()
    expect(page.locator("#decisions ~ *").first).to_be_visible()
    expect(page.locator("main")).to_contain_text("Rustig werk met vaste taken")

    # The placement with its agreements; too many hours first.
    page.select_option("#workplace", workplace_id)
    page.fill("#startOn", today)
    page.fill("#hoursPerWeek", "90")
    page.select_option("#contract", index=1)
    page.fill("#agreements", "Vier ochtenden; een vaste collega begeleidt.")
    page.locator("form:has(input[name=action][value=start]) button[type=submit]").click()
    expect(page.locator(".error-summary a[href='#hoursPerWeek']")).to_be_visible()
    check(page, "placement with an error")
    page.fill("#hoursPerWeek", "16")
    page.locator("form:has(input[name=action][value=start]) button[type=submit]").click()
    expect(page.locator(".error-summary")).to_have_count(0)
    check(page, "matching with a placement")

    move(page, path, "coaching-plan")
    expect(page.locator("ol.steps li[aria-current=step]")).to_contain_text("Begeleidingsplan")
    check(page, "client page in the coaching plan")

    # A step back needs a reason.
    move(page, path, "matching")
    expect(page.locator(".error-summary a[href='#reason']")).to_be_visible()
    page.context.close()


@pytest.mark.parametrize("locale", ["nl-NL", "en-GB"])
def test_practice_pages_of_the_demo_agency_are_accessible(browser, demo_password, locale):
    page = new_page(browser, locale)
    login(page, COACH, demo_password)
    sanne = client_path(page, "Sanne Bakker")
    paths = ["/caseload", "/caseload?phase=matching", sanne, sanne + "?phase=aftercare", sanne + "/intake",
             sanne + "/profile", sanne + "/matching", sanne + "/matching?all=1", "/employers", "/employers?q=bakkerij",
             "/commissioners", "/matching/conditions"]
    for path in paths:
        page.goto(path)
        check(page, f"{path} ({locale})")
    page.goto("/employers")
    page.locator("table a").first.click()
    check(page, f"an employer ({locale})")
    page.locator("table a").first.click()
    check(page, f"a workplace ({locale})")
    page.context.close()


def test_the_team_lead_and_the_administrator_see_their_pages(browser, demo_password):
    lead = new_page(browser)
    login(lead, TEAM_LEAD, demo_password)
    lead.goto("/caseload")
    check(lead, "team caseload")
    expect(lead.locator("main")).to_contain_text("Jamila")
    sanne = client_path(lead, "Sanne Bakker")
    lead.goto(sanne)
    check(lead, "client page for the team lead")
    expect(lead.locator("#coach")).to_be_visible()  # the team lead may assign the client to a coach
    lead.context.close()

    admin = new_page(browser, "en-GB")
    login(admin, "admin@demo.jobcoach.test", demo_password)
    admin.goto("/admin/organisations")
    check(admin, "organisations")
    admin.locator("main table a").first.click()
    check(admin, "an organisation")
    admin.context.close()


def test_a_coach_of_another_team_cannot_open_the_client(browser, demo_password):
    coach = new_page(browser)
    login(coach, COACH, demo_password)
    sanne = client_path(coach, "Sanne Bakker")
    coach.context.close()

    other = new_page(browser)
    login(other, OTHER_TEAM_COACH, demo_password)
    for path in [sanne, sanne + "/intake", sanne + "/profile", sanne + "/matching"]:
        response = other.goto(path)
        assert response.status == 404, f"{path}: {response.status}"
    check(other, "not found")
    other.goto("/caseload")
    expect(other.locator("main")).not_to_contain_text("Sanne Bakker")
    other.context.close()
