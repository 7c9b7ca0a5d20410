"""The working day in a real browser: each role lands on its own work after login; the header fits a
phone (390 px) with a menu button that works without script; the coach's agenda shows Lotte's
appointment in five days; the week page, the calendar feed, the caseload search and the pages that
change a goal or an appointment, each checked by axe in Dutch and English at 1280 and 390 px."""
import datetime
import re
import urllib.request

import pytest
from playwright.sync_api import expect

from browser_support import check, client_path, login, new_page, signed_in, submit
from settings import BASE_URL

COACH = "job-coach@demo.jobcoach.test"
OTHER_TEAM_COACH = "job-coach-zuid@demo.jobcoach.test"
START_PAGES = {
    "job-coach@demo.jobcoach.test": "/caseload",
    "team-lead@demo.jobcoach.test": "/caseload/team",
    "register-officer@demo.jobcoach.test": "/office",
    "assessor@demo.jobcoach.test": "/assessments",
    "admin@demo.jobcoach.test": "/admin/users",
    "client@demo.jobcoach.test": "/me",
}


def test_each_role_lands_on_its_own_work(browser, demo_password):
    for email, path in START_PAGES.items():
        page = new_page(browser)
        login(page, email, demo_password)
        expect(page).to_have_url(re.compile(re.escape(path) + "$"))
        page.context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_header_fits_and_the_menu_opens_without_script(browser, demo_password, width):
    page = signed_in(browser, COACH, demo_password)
    page.set_viewport_size({"width": width, "height": 844})
    page.goto("/caseload")
    header = page.locator("header.site-header").bounding_box()
    # On a phone the header is one row with the menu button; on a wide screen at most two rows.
    assert header["height"] <= (100 if width == 390 else 120), f"header {header['height']} px at {width} px"
    if width == 390:
        menu = page.locator("details.menu")
        expect(menu.get_by_role("link", name="Agenda")).to_be_hidden()
        menu.locator("summary").click()
        expect(menu.get_by_role("link", name="Agenda")).to_be_visible()
        expect(menu.get_by_role("link", name="Beroepsprofielen")).to_be_visible()
    else:
        nav = page.get_by_role("navigation", name="Hoofdmenu")
        expect(nav.get_by_role("link", name="Caseload")).to_have_attribute("aria-current", "page")
        expect(nav.get_by_role("link", name="Beroepsprofielen")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling"
    check(page, f"caseload at {width} px")


def test_the_agenda_shows_the_appointment_with_lotte_in_five_days(browser, demo_password):
    page = signed_in(browser, COACH, demo_password)
    page.goto("/caseload")
    in_five = (datetime.date.today() + datetime.timedelta(days=5))
    table = page.locator("#agenda-table")
    row = table.locator("tr", has_text="Lotte Visser").filter(has_text="Bezoek op het werk")
    expect(row).to_have_count(1)
    assert str(in_five.day) in row.inner_text()
    page.get_by_role("link", name="De agenda per week").click()
    expect(page).to_have_url(re.compile("/agenda$"))
    check(page, "agenda week")
    page.get_by_role("link", name="Volgende week").click()
    check(page, "agenda next week")


def test_the_calendar_feed_is_secret_and_names_no_client(browser, demo_password):
    page = signed_in(browser, COACH, demo_password)
    page.goto("/agenda")
    submit(page, "feed-form")
    link = page.locator("#feed").get_by_role("link", name=re.compile("agendalink"))
    url = link.get_attribute("href")
    assert re.search(r"/agenda/feed/[A-Za-z0-9_-]{32,}$", url), url
    path = url[url.index("/agenda/feed/"):]
    with urllib.request.urlopen(BASE_URL + path) as answer:
        text = answer.read().decode()
    assert "BEGIN:VCALENDAR" in text and "L.V. · Bezoek op het werk" in text
    assert "Lotte" not in text and "Visser" not in text
    check(page, "agenda with the feed link")
    page.reload()
    expect(page.locator("#feed")).not_to_contain_text(path)


@pytest.mark.parametrize("locale", ["nl-NL", "en-GB"])
def test_searching_the_caseload(browser, demo_password, locale):
    page = signed_in(browser, COACH, demo_password, locale)
    page.goto("/caseload")
    page.locator("#caseload-q").fill("lekdal")
    page.locator("#caseload-q").press("Enter")
    expect(page).to_have_url(re.compile(r"/clients\?q=lekdal"))
    results = page.locator("#results-table")
    expect(results.get_by_role("link", name="Lotte Visser")).to_be_visible()
    check(page, f"search results {locale}")
    other = signed_in(browser, OTHER_TEAM_COACH, demo_password, locale)
    other.goto("/clients?q=lotte")
    expect(other.locator("main")).not_to_contain_text("Lotte Visser")


def test_a_goal_is_postponed_and_an_appointment_moved_with_their_history(browser, demo_password):
    page = signed_in(browser, COACH, demo_password)
    path = client_path(page, "Lotte Visser")
    page.goto(path + "/plan")
    # An open goal: its row has the button that marks it reached.
    page.locator("#goals-table tbody tr", has=page.locator("button")).first.locator("a").first.click()
    expect(page).to_have_url(re.compile(r"/goals/[0-9A-Fa-f-]{36}$"))
    check(page, "goal page")
    # A refused change names the field and takes focus to the summary.
    submit(page, "goal-postpone-form", status=422)
    expect(page.locator(".error-summary")).to_be_focused()
    check(page, "goal page with errors")
    later = (datetime.date.today() + datetime.timedelta(days=400)).isoformat()
    page.locator("#postponeDueOn").fill(later)
    page.locator("#postponeReason").fill("Eerst het nieuwe rooster afwachten")
    submit(page, "goal-postpone-form")
    expect(page.locator("#history")).to_contain_text("Uitgesteld op")
    expect(page.locator("#history")).to_contain_text("Eerst het nieuwe rooster afwachten")

    page.goto(path + "/support")
    page.locator("#appointments-table").get_by_role("link", name="Verzetten of afzeggen").first.click()
    check(page, "appointment page")
    page.set_viewport_size({"width": 390, "height": 844})
    check(page, "appointment page at 390 px")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
