"""Mail, for real: the server sends through a real SMTP server that the test script starts on
127.0.0.1 (STARTTLS with the script's own certificate, then AUTH), and these tests read what arrives
in its Maildir. An administrator invites a new coach, who chooses a password through the link in the
mail; the coach asks for a new password (an unknown address gets the same answer), uses the link
once, and a second use is refused; the administrator's mail page shows what went. Each page is
checked by axe."""
import re
import time

import pytest
from playwright.sync_api import expect

from browser_support import MAILDIR, check, link_path, login, mail_parts, new_page, signed_in, wait_for_mail

ADMIN = "admin@demo.jobcoach.test"

pytestmark = pytest.mark.skipif(not MAILDIR, reason="scripts/test starts the SMTP server and sets JOBCOACH_TEST_MAILDIR")


def test_an_invitation_and_a_password_reset_arrive_by_mail_and_each_link_works_once(browser, demo_password):
    address = f"new.coach.{int(time.time() * 1000)}@example.org"
    admin = signed_in(browser, ADMIN, demo_password)
    admin.goto("/admin/users")
    admin.fill("#email", address)
    admin.fill("#name", "Nieuwe Coach")
    admin.select_option("#role", "job-coach")
    admin.locator("form[action='/admin/users'] button[type=submit]").click()
    expect(admin.get_by_role("status")).to_contain_text("De uitnodiging gaat per e-mail")
    expect(admin.locator("main")).not_to_contain_text("/account/link/")  # with a mail server, the link is only in the mail

    invitation = wait_for_mail(address)[0]
    assert invitation["Subject"] == "Uw account bij Jobcoach", invitation["Subject"]
    assert invitation.get_content_type() == "multipart/alternative"
    text, html = mail_parts(invitation)
    assert "72 uur" in text and "Nieuwe Coach" in text
    assert "<a href=" in html and "<script" not in html
    page = new_page(browser)
    page.goto(link_path(text))
    expect(page.locator("h1")).to_have_text("Welkom: kies uw wachtwoord")
    check(page, "the invitation's page")
    page.fill("#new", "my own password 2026")
    page.fill("#confirm", "my own password 2026")
    page.locator("#choose-password-form button[type=submit]").click()
    expect(page.get_by_role("status")).to_have_text("Uw wachtwoord is opgeslagen. U kunt nu inloggen.")
    login(page, address, "my own password 2026")
    expect(page).to_have_url(re.compile("/caseload$"))
    page.context.close()

    # A forgotten password: an unknown address gets the same answer, and no mail.
    page = new_page(browser)
    page.goto("/login")
    page.get_by_role("link", name="Wachtwoord vergeten?").click()
    check(page, "asking for a new password")
    answers = []
    for who in [f"nobody.{int(time.time())}@example.org", address]:
        page.goto("/account/reset")
        page.fill("#email", who)
        page.locator("#reset-form button[type=submit]").click()
        answers.append(page.get_by_role("status").inner_text())
    assert answers[0] == answers[1], answers
    reset = wait_for_mail(address, count=2)[-1]
    assert reset["Subject"] == "Een nieuw wachtwoord voor Jobcoach", reset["Subject"]
    path = link_path(mail_parts(reset)[0])
    page.goto(path)
    expect(page.locator("h1")).to_have_text("Kies een nieuw wachtwoord")
    page.fill("#new", "a newer password 2026")
    page.fill("#confirm", "a newer password 2026")
    page.locator("#choose-password-form button[type=submit]").click()
    expect(page.get_by_role("status")).to_contain_text("Uw wachtwoord is opgeslagen.")
    response = page.goto(path)
    assert response.status == 410, response.status
    expect(page.locator("h1")).to_have_text("Deze link werkt niet meer")
    check(page, "a used link")
    login(page, address, "a newer password 2026")
    expect(page).to_have_url(re.compile("/caseload$"))
    page.context.close()

    # The administrator sees the mail server and what went.
    admin.goto("/admin/mail")
    expect(admin.locator("main")).to_contain_text("Mail gaat via smtp://")
    sent = int(admin.locator("dl.facts dd").nth(1).inner_text())
    assert sent >= 2, sent
    check(admin, "the administrator's mail page")
    admin.context.close()
