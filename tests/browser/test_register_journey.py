"""The register's procedure in a real browser, from scratch: an administrator makes an account, the new
coach chooses a password, fills a portfolio (with an evidence file), applies; the officer assigns two
assessors, both score every task and competency, the officer certifies; the coach's credential is
verified on the public verify page. axe finds no violation on any page on the way."""
import base64
import json
import re
import time
import urllib.request

import pytest
from playwright.sync_api import expect

from settings import BASE_URL
from browser_support import assert_accessible, invited_coach, login, new_page


def officer_and_assessors(browser, demo_password):
    pages = {}
    for role, email in [("officer", "register-officer@demo.jobcoach.test"), ("first", "assessor@demo.jobcoach.test"),
                        ("second", "assessor-2@demo.jobcoach.test")]:
        page = new_page(browser)
        login(page, email, demo_password)
        pages[role] = page
    return pages


def score_everything(page, one_indicator=False):
    """Fills one assessor's sheet: every item 'shown' with a note (and, if asked, the first indicator
    of the first item 'partly shown'), then submits."""
    items = page.locator("fieldset.score-item").all()
    # Knowledge areas, tasks, competencies and attitudes of 003.
    assert len(items) == 22
    for fieldset in items:
        fieldset.locator("input[name^='score-'][value='2']").check()
        fieldset.locator("textarea").fill("Aangetoond met het portfolio en de bewijsstukken.")
    if one_indicator:
        items[0].locator("summary").click()
        items[0].locator("input[name^='indicator-'][value='1']").first.check()
        assert_accessible(page, "assessment sheet with indicators open")
    page.get_by_role("button", name="Indienen").click()
    expect(page.locator(".notice")).to_contain_text("ingediend")


def test_apply_assess_twice_decide_verify(browser, demo_password, tmp_path):
    stamp = str(int(time.time()))
    email, name = f"sanne-{stamp}@example.org", f"Sanne Nieuw {stamp}"

    # The invitation's link: the new coach chooses a password, then logs in.
    coach = invited_coach(browser, demo_password, email, name, "mijn eigen lange wachtwoord")

    coach.goto("/portfolio")
    assert_accessible(coach, "empty portfolio")
    coach.get_by_label("Plaats").fill("Zwolle")
    coach.get_by_label("Ik handel volgens de gedragscode van Noloc.").check()
    coach.get_by_label("Ik erken het klachtenreglement van Noloc.").check()
    coach.locator("#profile ~ form button, form[action='/portfolio/profile'] button").first.click()
    evidence = tmp_path / "bachelor.pdf"
    evidence.write_bytes(b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")
    coach.get_by_label("Naam van de opleiding").fill("Bachelor Social Work")
    coach.select_option("#education-level", "NLQF:6")
    coach.fill("#education-date", "2011-06-30")
    coach.set_input_files("#education-evidence", str(evidence))
    coach.locator("form[action='/portfolio/education'] button[type=submit]").click()
    coach.fill("#diplomas-provider", "Capabel")
    coach.fill("#diplomas-date", "2017-03-15")
    coach.locator("form[action='/portfolio/diplomas'] button[type=submit]").click()
    # A mistake first: the error summary names the field.
    coach.fill("#experience-organisation", "Werkpad")
    coach.fill("#experience-start", "2019-01-01")
    coach.locator("form[action='/portfolio/experience'] button[type=submit]").click()
    expect(coach.locator(".error-summary a[href='#experience-hours']")).to_be_visible()
    assert_accessible(coach, "portfolio with an error")
    coach.fill("#experience-hours", "1450")
    coach.locator("form[action='/portfolio/experience'] button[type=submit]").click()
    expect(coach.locator("#eligibility ~ ul, section[aria-labelledby=eligibility]").first).to_contain_text("Voldoet")
    assert_accessible(coach, "filled portfolio")
    coach.locator("form[action='/applications'] button[type=submit]").first.click()
    expect(coach.locator("h1")).to_contain_text("Beroepsprofiel Register Jobcoach")
    expect(coach.locator("dl.facts")).to_contain_text("ingediend")
    assert_accessible(coach, "application")

    pages = officer_and_assessors(browser, demo_password)
    officer = pages["officer"]
    officer.goto("/office?status=submitted")
    assert_accessible(officer, "office queue")
    officer.get_by_role("link", name=name).click()
    assert_accessible(officer, "application for the officer")
    officer.get_by_label("Eerste assessor").select_option(label="Aisha Assessor")
    officer.get_by_label("Tweede assessor").select_option(label="Bas Beoordelaar")
    officer.get_by_role("button", name="Assessoren toewijzen").click()
    expect(officer.locator("dl.facts").first).to_contain_text("in beoordeling")
    application_url = officer.url

    for key in ["first", "second"]:
        assessor = pages[key]
        assessor.goto("/assessments")
        assert_accessible(assessor, "assessor's list")
        assessor.get_by_role("link", name=name).click()
        assert_accessible(assessor, "assessment sheet")
        score_everything(assessor, one_indicator=key == "first")
        assert_accessible(assessor, "submitted sheet")

    officer.goto(application_url)
    expect(officer.locator("dl.facts").first).to_contain_text("klaar voor besluit")
    # Both verdicts: frozen at submission, and checked again on the day of the decision.
    expect(officer.locator("#check-heading")).to_contain_text("Automatische controle bij het indienen")
    expect(officer.locator("#check-now-heading")).to_contain_text("Controle op de dag van het besluit")
    expect(officer.locator("#check-now-heading + p + p")).to_contain_text("Voldoet")
    # The sheets side by side, with the one indicator scored on its own.
    expect(officer.locator("table.data tr.sub-row")).to_have_count(1)
    expect(officer.locator("table.data tr.sub-row")).to_contain_text("deels aangetoond")
    assert_accessible(officer, "ready for decision")
    officer.get_by_role("button", name="Besluit vastleggen").click()
    expect(officer.locator(".error-summary")).to_be_visible()
    assert_accessible(officer, "decision with an error")
    officer.get_by_label("gecertificeerd", exact=True).check()
    officer.get_by_role("button", name="Besluit vastleggen").click()
    expect(officer.locator("dl.facts").first).to_contain_text("gecertificeerd")

    coach.goto("/certificates")
    assert_accessible(coach, "certificates")
    token = coach.locator("section.panel textarea").first.input_value()
    assert token.count(".") == 2

    verifier = new_page(browser)
    verifier.goto("/verify")
    verifier.get_by_label("Digitaal certificaat").fill(token)
    verifier.get_by_role("button", name="Controleren").click()
    expect(verifier.locator("[role=status] h2")).to_contain_text("geldig")
    expect(verifier.locator("[role=status]")).to_contain_text(name)
    assert_accessible(verifier, "verified")
    verifier.get_by_label("Digitaal certificaat").fill(token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB"))
    verifier.get_by_role("button", name="Controleren").click()
    expect(verifier.locator("[role=status] h2")).to_contain_text("niet echt")
    assert_accessible(verifier, "not authentic")

    # The credential's status address answers, as a verifier would follow it.
    payload = token.split(".")[1]
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    assert "OpenBadgeCredential" in claims["type"] and claims["iss"] == claims["issuer"]["id"]
    status_path = re.sub(r"^https?://[^/]+", "", claims["credentialStatus"]["id"])
    assert status_path == "/api/v1/credentials/revocations" and claims["credentialStatus"]["type"] == "1EdTechRevocationList"
    with urllib.request.urlopen(BASE_URL + status_path) as response:
        revocations = json.loads(response.read())
    assert claims["id"] not in [entry["id"] for entry in revocations["revokedCredentials"]]

    register = new_page(browser)
    register.goto("/register")
    register.get_by_label("Naam, nummer of plaats").fill(stamp)
    register.get_by_role("button", name="Zoeken").click()
    expect(register.locator("table")).to_contain_text("Zwolle")
    assert_accessible(register, "public register")
    for page in [coach, verifier, register, *pages.values()]:
        page.context.close()


ROLE_PAGES = [
    ("register-officer@demo.jobcoach.test", ["/office", "/office/certificates", "/office/certificates?expiring=1", "/office/complaints",
                                             "/office/recheck", "/office/recheck?version=register-jobcoach@2021"]),
    ("job-coach@demo.jobcoach.test", ["/portfolio", "/applications", "/certificates", "/cpd"]),
    # A coach of the demo register with a complaint under review.
    ("ibrahim.kaya@demo.jobcoach.test", ["/certificates"]),
    ("assessor@demo.jobcoach.test", ["/assessments"]),
]


@pytest.mark.parametrize("email,paths", ROLE_PAGES)
def test_every_register_page_of_a_role_is_accessible(browser, demo_password, email, paths):
    page = new_page(browser)
    login(page, email, demo_password)
    for path in paths:
        response = page.goto(path)
        assert response.status == 200, path
        assert_accessible(page, f"{path} ({email})")
    # Follow the links of the lists too: applications, complaints, sheets, a complaint about a coach.
    if email.startswith("ibrahim"):
        page.goto("/certificates")
        links = [a.get_attribute("href") for a in page.locator("a[href^='/certificates/complaints/']").all()]
        assert links, "the demo's coach has a complaint"
        page.goto(links[0])
        assert_accessible(page, "a complaint about the coach")
        page.get_by_label("Uw kant van het verhaal").fill("")
        page.get_by_role("button", name="Reactie versturen").click()
        expect(page.locator(".error-summary a[href='#response']")).to_be_visible()
        assert_accessible(page, "a response with an error")
    if "officer" in email:
        for list_path in ["/office", "/office/complaints"]:
            page.goto(list_path)
            for href in [a.get_attribute("href") for a in page.locator("table a").all()][:8]:
                page.goto(href)
                assert_accessible(page, href)
    page.context.close()
