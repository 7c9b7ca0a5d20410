"""Two-step login in a real browser: the QR code drawn by the server is read by a real decoder,
the code from the key signs in, the recovery codes are shown once, and the pages pass axe."""
import io
import re
import time

import zxingcpp
from PIL import Image
from playwright.sync_api import expect

from browser_support import assert_accessible, base32_key, invited_coach, new_page, next_code


def test_enrol_in_two_step_login_and_log_in_with_a_code(browser, demo_password):
    stamp = str(int(time.time()))
    email, name = f"twee-{stamp}@example.org", f"Tessa Twee {stamp}"
    page = invited_coach(browser, demo_password, email, name, "twee stappen wachtwoord")
    page.get_by_role("link", name="Inloggen en beveiliging").first.click()
    expect(page.locator("h1")).to_have_text("Inloggen in twee stappen")
    assert_accessible(page, "enrolment in two-step login")

    # The QR code as a phone would see it: a screenshot, read by a QR decoder.
    shot = Image.open(io.BytesIO(page.locator("figure.qr svg").screenshot()))
    found = zxingcpp.read_barcodes(shot)
    assert found and found[0].format == zxingcpp.BarcodeFormat.QRCode
    uri = found[0].text
    assert uri.startswith("otpauth://totp/") and f":{email}?" in uri.replace("%40", "@")
    secret = page.locator("#secret").inner_text().replace(" ", "")
    assert f"secret={secret}&" in uri, "the key in text is the key in the code"
    key = base32_key(secret)

    page.fill("#code", "000000")
    page.get_by_role("button", name="Inloggen in twee stappen aanzetten").click()
    expect(page.locator(".error-summary a[href='#code']")).to_be_visible()
    assert_accessible(page, "enrolment with a wrong code")
    page.fill("#code", next_code(email, key))
    page.get_by_role("button", name="Inloggen in twee stappen aanzetten").click()
    expect(page.get_by_role("status")).to_contain_text("staat aan")
    codes = page.locator(".recovery-codes code").all_inner_texts()
    assert len(codes) == 10 and all(re.fullmatch(r"[a-z2-7]{5}-[a-z2-7]{5}", c) for c in codes)
    assert_accessible(page, "recovery codes")
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), f"no sideways scrolling at {width} px"
    page.context.close()

    # The next login asks for the code, and a recovery code works in its place.
    again = new_page(browser)
    again.goto("/login")
    again.get_by_label("E-mailadres").fill(email)
    again.get_by_label("Wachtwoord", exact=True).fill("twee stappen wachtwoord")
    again.get_by_role("button", name="Inloggen").click()
    expect(again).to_have_url(re.compile("/login/code$"))
    assert_accessible(again, "the second step")
    again.fill("#code", "123456")
    again.get_by_role("button", name="Inloggen").click()
    expect(again.locator(".error-summary a[href='#code']")).to_be_visible()
    again.fill("#code", codes[0])
    again.get_by_role("button", name="Inloggen").click()
    expect(again).not_to_have_url(re.compile("/login"))
    again.context.close()
