"""The list of one's sessions in a real browser: two browsers of one new coach, the other one
logged out from the first, axe on the page, and at 320 px nothing scrolls sideways."""
import re
import time

from playwright.sync_api import expect

from browser_support import assert_accessible, assert_page_basics, invited_coach, login, new_page


def test_log_out_everywhere_else(browser, demo_password):
    stamp = str(int(time.time()))
    email, password = f"sessies-{stamp}@example.org", "sessies wachtwoord lang"
    first = invited_coach(browser, demo_password, email, f"Sem Sessie {stamp}", password)
    second = new_page(browser, "en-GB")
    login(second, email, password)
    expect(second).not_to_have_url(re.compile("/login"))

    first.set_viewport_size({"width": 320, "height": 800})
    first.goto("/account/sessions")
    assert_page_basics(first, "sessions")
    expect(first.locator("h1")).to_have_text("Waar u bent ingelogd")
    expect(first.locator(".session-list > li")).to_have_count(2)
    expect(first.locator(".session-list")).to_contain_text("Chromium op Linux")
    expect(first.locator(".session-list .tag")).to_have_text("deze browser")
    assert_accessible(first, "sessions (two)")
    assert first.evaluate("document.documentElement.scrollWidth") <= 320, "nothing scrolls sideways at 320 px"

    first.get_by_role("button", name="Overal elders uitloggen").click()
    expect(first.get_by_role("status")).to_contain_text("U bent uitgelogd in 1 andere browser.")
    expect(first.locator(".session-list > li")).to_have_count(1)
    assert_accessible(first, "sessions (one)")

    second.goto("/account/sessions")
    expect(second).to_have_url(re.compile("/login"))
    first.context.close()
    second.context.close()
