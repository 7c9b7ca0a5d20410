"""Helpers the browser tests share: a page in a language, logging in, and the axe check."""
import re

from axe_playwright_python.sync_playwright import Axe

from settings import BASE_URL


def new_page(browser, locale="nl-NL"):
    context = browser.new_context(locale=locale, base_url=BASE_URL)
    return context.new_page()


def assert_accessible(page, label):
    result = Axe().run(page)
    violations = result.response["violations"]
    details = [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in violations]
    assert not violations, f"axe found problems on {label}:\n" + "\n".join(details)


def assert_page_basics(page, label):
    assert page.locator("h1").count() == 1, f"{label}: one h1"
    assert page.locator("main#main").count() == 1, f"{label}: a main landmark"
    assert page.locator("html").get_attribute("lang") in ("nl", "en")


def login(page, email, password):
    page.goto("/login")
    page.get_by_label(re.compile("E-mail")).fill(email)
    page.get_by_label(re.compile("^(Wachtwoord|Password)$")).fill(password)
    page.get_by_role("button", name=re.compile("Inloggen|Log in")).click()
