"""The outcomes pages in a real browser: the agency manager's figures with their charts and tables,
a fidelity review with its error summary, and a commissioner's statement; the coach's and the team
lead's views; axe on every page, in Dutch and English, and no sideways scrolling at 320 px."""
import pytest
from playwright.sync_api import expect

from browser_support import assert_accessible, assert_page_basics, login, new_page


def no_sideways_scroll(page, label):
    page.set_viewport_size({"width": 320, "height": 800})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"{label}: the page is {width}px wide at 320px"
    page.set_viewport_size({"width": 1280, "height": 900})


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_agency_manager_outcomes_journey(browser, demo_password, lang):
    page = new_page(browser)
    login(page, "agency-manager@demo.jobcoach.test", demo_password)
    for path in [f"/outcomes?lang={lang}", "/fidelity", "/fidelity/new"]:
        page.goto(path)
        assert_page_basics(page, path)
        assert_accessible(page, f"{path} (agency manager, {lang})")
        no_sideways_scroll(page, path)
    page.goto(f"/outcomes?lang={lang}")
    expect(page.locator("#measures-table")).to_be_visible()
    expect(page.locator("#quarters-table")).to_be_attached()
    # Each chart has a table with the same figures beside it.
    assert page.locator("svg#quarters-chart").count() == 1

    # A review without scores: the error summary names the items and takes focus.
    page.goto("/fidelity/new")
    page.locator("#score\\.disclosure").select_option("")
    page.locator("#fidelity-form button[type=submit]").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    assert page.evaluate("document.activeElement.closest('.error-summary') !== null")
    assert_accessible(page, f"fidelity review with errors ({lang})")

    # The statement of the first commissioner.
    page.goto(f"/outcomes?lang={lang}")
    statement = page.locator("#statements a").first
    if statement.count() > 0:
        statement.click()
        assert_page_basics(page, "statement")
        assert_accessible(page, f"statement ({lang})")
        no_sideways_scroll(page, "statement")
    page.context.close()


@pytest.mark.parametrize("email", ["job-coach@demo.jobcoach.test", "team-lead@demo.jobcoach.test"])
def test_coach_and_team_lead_see_their_outcomes(browser, demo_password, email):
    page = new_page(browser)
    login(page, email, demo_password)
    page.goto("/outcomes")
    assert_page_basics(page, "/outcomes")
    assert_accessible(page, f"/outcomes ({email})")
    expect(page.locator("#measures-table")).to_be_visible()
    page.context.close()
