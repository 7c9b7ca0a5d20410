"""Helpers the browser tests share: a page in a language, logging in, and the axe check."""
import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

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


def check(page, label):
    assert_page_basics(page, label)
    assert_accessible(page, label)
    # Leaf treats an empty string as true: a template that forgets to compare with "" leaves empty
    # attributes behind.
    assert page.locator("[aria-describedby=''], [inputmode=''], [id='']").count() == 0, f"{label}: an empty attribute"


def client_path(page, name):
    """The path of a client's page, found through the caseload like a user would."""
    page.goto("/caseload")
    href = page.get_by_role("link", name=name, exact=True).first.get_attribute("href")
    # The caseload's list of due actions may link straight to one of the client's pages.
    match = re.match(r"/clients/[0-9A-Fa-f-]{36}", href or "")
    assert match, href
    return match.group(0)


_cookies = {}


def signed_in(browser, email, password, locale="nl-NL"):
    """A page signed in as `email`; the file logs in once per user (hashing the password is the slow
    part of a debug build) and hands later tests the same session."""
    page = new_page(browser, locale)
    if email in _cookies:
        page.context.add_cookies(_cookies[email])
    else:
        login(page, email, password)
        expect(page).not_to_have_url(re.compile("/login"))
        _cookies[email] = [c for c in page.context.cookies() if c["name"] != "jobcoach-lang"]
    return page


def submit(page, form_id, status=303):
    """Sends a form and checks the answer: a redirect when it is saved, 422 when it is refused (some
    forms answer with the page itself, 200)."""
    with page.expect_navigation(), page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.locator(f"#{form_id} button[type=submit]").click()
    assert posted.value.status == status, f"{form_id}: {posted.value.status}"
