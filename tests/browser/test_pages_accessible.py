"""A real browser (Debian's Chromium, driven by Playwright) walks every kind of page, logged out and
logged in, in Dutch and English, including error states, and axe-core finds no violations on any."""
import re

import pytest
from playwright.sync_api import expect

from browser_support import assert_accessible, assert_page_basics, login, new_page

RESET_BUTTON = "Nieuw eenmalig wachtwoord maken"
PUBLIC_PAGES = [
    "/",
    "/frameworks",
    "/frameworks/register-jobcoach",
    "/frameworks/jobcoach-profile-nl",
    "/frameworks/uk-qualification-concept",
    "/frameworks/pl-training-guidelines",
    "/frameworks/se-quality",
    "/frameworks/register-jobcoach/versions/2021",
    "/frameworks/register-jobcoach?on=2022-10-01",
    "/frameworks/register-jobcoach/diff?from=2021&to=2023",
    "/compare",
    "/compare?framework=register-jobcoach&framework=uk-qualification-concept&submitted=1",
    "/compare?framework=register-jobcoach&submitted=1",
    "/qualification-levels",
    "/occupations",
    "/eligibility",
    "/register",
    "/register?q=utrecht",
    "/verify",
    "/occupations?q=job+coach",
    "/login",
    "/no-such-page",
]


@pytest.mark.parametrize("locale", ["nl-NL", "en-GB"])
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_page_is_accessible(browser, path, locale):
    page = new_page(browser, locale)
    page.goto(path)
    assert_page_basics(page, path)
    assert_accessible(page, f"{path} ({locale})")
    page.context.close()


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(browser):
    page = new_page(browser)
    page.goto("/frameworks/register-jobcoach")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.context.close()


def test_language_switch(browser):
    page = new_page(browser)
    page.goto("/frameworks")
    assert page.locator("html").get_attribute("lang") == "nl"
    page.get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Professional profiles")
    page.context.close()


def test_failed_login_shows_an_accessible_error_summary(browser):
    page = new_page(browser)
    login(page, "nobody@example.org", "wrong password")
    expect(page.locator(".error-summary")).to_be_visible()
    assert page.locator(".error-summary a[href='#email']").count() == 1
    # The summary takes focus, so a screen reader or keyboard user starts from it.
    expect(page.locator(".error-summary")).to_be_focused()
    assert_accessible(page, "login with error")
    page.get_by_role("button", name="Inloggen").click()  # empty password now
    assert page.locator(".error-summary a[href='#password']").count() == 1
    assert_accessible(page, "login with empty fields")
    page.context.close()


def test_admin_journey_every_page_accessible(browser, demo_password):
    page = new_page(browser)
    login(page, "admin@demo.jobcoach.test", demo_password)
    expect(page.locator(".account .who")).to_contain_text("Anna Admin")
    for path in ["/", "/frameworks/register-jobcoach", "/account/two-factor", "/account/sessions", "/admin/users", "/admin/mail",
                 "/admin/audit", "/admin/audit?verify=1"]:
        page.goto(path)
        assert_page_basics(page, path)
        assert_accessible(page, f"{path} (admin)")
    expect(page.locator(".notice")).to_contain_text("kloppen")

    # Create an account: the form with errors, then for real.
    page.goto("/admin/users")
    page.get_by_role("button", name="Account maken").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page, "new account with errors")
    page.get_by_label("Naam").fill("Browser Test")
    email = "browser-test@example.org"
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Rol").select_option("job-coach")
    page.get_by_role("button", name="Account maken").click()
    if page.locator(".error-summary").count() > 0:  # the account exists from an earlier run against the same database
        expect(page.locator(".error-summary")).to_contain_text("Er is al een account")
        page.context.close()
        return
    expect(page.get_by_role("status")).to_contain_text("De uitnodiging gaat per e-mail")
    assert_accessible(page, "account created")
    page.get_by_role("link", name="Browser Test").click()
    assert_accessible(page, "account page")
    # For someone without e-mail at hand, the administrator hands over a one-time password instead.
    page.get_by_role("button", name=RESET_BUTTON).click()
    one_time = page.locator("code.secret").inner_text()
    assert_accessible(page, "one-time password")

    # The new person logs in, must choose a password first, and does.
    other = new_page(browser)
    login(other, email, one_time)
    expect(other).to_have_url(re.compile("/account/password$"))
    assert_accessible(other, "password change (must change)")
    other.get_by_label("Huidig wachtwoord").fill(one_time)
    other.get_by_label("Nieuw wachtwoord", exact=True).fill("short")
    other.get_by_label("Nieuw wachtwoord nog een keer").fill("short")
    other.get_by_role("button", name="Wachtwoord opslaan").click()
    expect(other.locator(".error-summary")).to_be_visible()
    assert_accessible(other, "password change with errors")
    other.get_by_label("Huidig wachtwoord").fill(one_time)
    other.get_by_label("Nieuw wachtwoord", exact=True).fill("a long and personal sentence")
    other.get_by_label("Nieuw wachtwoord nog een keer").fill("a long and personal sentence")
    other.get_by_role("button", name="Wachtwoord opslaan").click()
    expect(other.locator(".notice")).to_contain_text("gewijzigd")
    assert_accessible(other, "password changed")
    other.goto("/admin/users")
    assert other.locator("h1").inner_text() == "Geen toegang"
    other.context.close()

    # Log out from the header.
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("link", name="Inloggen")).to_be_visible()
    page.context.close()


def test_framework_page_prints_to_pdf(browser, tmp_path):
    page = new_page(browser)
    page.goto("/frameworks/register-jobcoach")
    pdf = tmp_path / "register-jobcoach.pdf"
    page.pdf(path=str(pdf), format="A4")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 10_000
    page.context.close()


@pytest.mark.parametrize("locale", ["nl-NL", "en-GB"])
def test_the_self_check_names_a_field_with_its_group_and_focuses_the_results_above_the_form(browser, locale):
    page = new_page(browser, locale)
    dutch = locale.startswith("nl")
    page.goto("/eligibility")
    page.fill("#course-0-title", "SPH")
    page.fill("#course-0-hours", "40")
    page.fill("#course-0-date", "")
    page.locator("form#eligibility-form button[type=submit]").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    link = summary.locator("a[href='#course-0-date']")
    expect(link).to_contain_text("Cursus 1 › Afgerond op" if dutch else "Course 1 › Completed on")
    assert_accessible(page, f"self-check with an error ({locale})")

    page.fill("#course-0-date", "2019-06-30")
    page.fill("#experience-since", "2020-01-01")
    page.fill("#experience-hours", "3000")
    page.locator("form#eligibility-form button[type=submit]").click()
    heading = page.locator("#verdicts-heading")
    expect(heading).to_be_focused()
    assert heading.bounding_box()["y"] < page.locator("form#eligibility-form").bounding_box()["y"], "the results stand above the form"
    expect(page.locator("section[aria-labelledby=verdicts-heading] p.lead")).to_contain_text("van de" if dutch else "of the")
    assert_page_basics(page, f"self-check results ({locale})")
    assert_accessible(page, f"self-check results ({locale})")
    page.context.close()
