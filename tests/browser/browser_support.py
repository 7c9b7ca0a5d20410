"""Helpers the browser tests share: a page in a language, logging in (with the second step where the
account has one), the axe check, and the mail that the test script's SMTP server keeps in its Maildir."""
import email
import hashlib
import hmac
import os
import struct
import re
import time
from email import policy

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from settings import BASE_URL

MAILDIR = os.environ.get("JOBCOACH_TEST_MAILDIR", "")
LINK = re.compile(r"https?://[^\s/]+(/account/link/[A-Za-z0-9_-]+)")


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


def totp(key, step, digits=6):
    """RFC 6238 with SHA-1: the code of a time step for a key (bytes)."""
    mac = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    number = struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10 ** digits).zfill(digits)


def base32_key(text):
    import base64
    return base64.b32decode(text + "=" * (-len(text) % 8))


def demo_key(email, password):
    """The key the demo gives an account that logs in in two steps (see DemoData.twoFactorKey)."""
    return hashlib.sha256(f"jobcoach demo two-factor|{email}|{password}".encode()).digest()[:20]


# The last time step each account used: a code works once, so the next login takes the next step
# (one step ahead is accepted; beyond that, wait for it).
_USED_STEPS = {}


def next_code(email, key):
    now = int(time.time() // 30)
    # The current step, or the next unused one: a step behind may fall out of the window first.
    step = max(now, _USED_STEPS.get(email, now - 1) + 1)
    if step > now + 1:
        time.sleep((step - 1) * 30 - time.time() + 0.5)
    _USED_STEPS[email] = step
    return totp(key, step)


def login(page, email, password, key=None):
    page.goto("/login")
    page.get_by_label(re.compile("E-mail")).fill(email)
    page.get_by_label(re.compile("^(Wachtwoord|Password)$")).fill(password)
    page.get_by_role("button", name=re.compile("Inloggen|Log in")).click()
    if page.url.endswith("/login/code"):
        page.fill("#code", next_code(email, key or demo_key(email, password)))
        page.get_by_role("button", name=re.compile("Inloggen|Log in")).click()
        page.wait_for_load_state()
        if page.url.endswith("/login/code") and page.locator(".error-summary").count():
            # An earlier test run used this step's code (the server remembers, this process does
            # not): the next step's code is new.
            page.fill("#code", next_code(email, key or demo_key(email, password)))
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


def messages_to(address):
    found = []
    for folder in ["new", "cur"]:
        path = os.path.join(MAILDIR, folder)
        for name in sorted(os.listdir(path)) if os.path.isdir(path) else []:
            with open(os.path.join(path, name), "rb") as file:
                message = email.message_from_binary_file(file, policy=policy.default)
            if address in message["To"]:
                found.append(message)
    return found


def wait_for_mail(address, count=1, seconds=30):
    """The background sender looks every second; wait until `count` messages to `address` are in."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        found = messages_to(address)
        if len(found) >= count:
            return found
        time.sleep(0.25)
    raise AssertionError(f"no mail to {address} within {seconds} s (found {len(messages_to(address))})")


def mail_parts(message):
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    return text, html


def link_path(text):
    match = LINK.search(text)
    assert match, text
    assert match.group(0).startswith(BASE_URL), f"the link points at this server: {match.group(0)}"
    return match.group(1)


def invitation_path(notice_text, address):
    """The path of an invitation's link: from the mail when the test script's SMTP server runs, or
    from the page, which shows it when the server has no mail server set up."""
    if MAILDIR:
        return link_path(mail_parts(wait_for_mail(address)[-1])[0])
    return link_path(notice_text)


def invited_coach(browser, demo_password, email, name, password):
    """A new job coach: the demo administrator makes the account, the coach follows the invitation's
    link, chooses a password and logs in. Returns the coach's page."""
    admin = new_page(browser)
    login(admin, "admin@demo.jobcoach.test", demo_password)
    admin.goto("/admin/users")
    admin.get_by_label("Naam").fill(name)
    admin.get_by_label("E-mailadres").fill(email)
    admin.get_by_label("Rol").select_option("job-coach")
    admin.get_by_role("button", name="Account maken").click()
    invitation = invitation_path(admin.get_by_role("status").inner_text(), email)
    admin.context.close()
    coach = new_page(browser)
    coach.goto(invitation)
    coach.get_by_label("Nieuw wachtwoord", exact=True).fill(password)
    coach.get_by_label("Nieuw wachtwoord nog een keer").fill(password)
    coach.get_by_role("button", name="Wachtwoord opslaan").click()
    expect(coach.get_by_role("status")).to_contain_text("Uw wachtwoord is opgeslagen.")
    login(coach, email, password)
    return coach
