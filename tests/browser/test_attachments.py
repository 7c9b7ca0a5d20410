"""Attachments in a real browser: the coach adds a signed agreement to Lotte's file, sees it on her
page and downloads it; a file of the wrong type is refused naming the field. Checked by axe in Dutch
and English, and without sideways scrolling on a phone."""
import re
import time

import pytest
from playwright.sync_api import expect

from browser_support import check, client_path, signed_in, submit

COACH = "job-coach@demo.jobcoach.test"


@pytest.mark.parametrize("locale", ["nl-NL", "en-GB"])
def test_a_coach_adds_and_downloads_an_attachment(browser, demo_password, locale):
    page = signed_in(browser, COACH, demo_password, locale=locale)
    path = client_path(page, "Lotte Visser")
    page.goto(path + "/attachments")
    check(page, f"attachments ({locale})")
    title = f"Afspraken getekend {int(time.time() * 1000)}"
    form = page.locator("#attachment-form")
    form.locator("select[name=kind]").select_option("agreement")
    form.locator("input[name=title]").fill(title)
    form.locator("input[name=file]").set_input_files(
        {"name": "afspraken.pdf", "mimeType": "application/pdf", "buffer": f"%PDF-1.4\n% {title}\n%%EOF\n".encode()})
    submit(page, "attachment-form")
    expect(page.get_by_role("link", name=title)).to_be_visible()
    page.goto(path)
    link = page.get_by_role("link", name=title)
    expect(link).to_be_visible()
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "afspraken.pdf"
    check(page, f"client page with an attachment ({locale})")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(path + "/attachments")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling"
    check(page, f"attachments at 390 px ({locale})")
    page.context.close()


def test_a_file_of_the_wrong_type_is_refused_naming_the_field(browser, demo_password):
    page = signed_in(browser, COACH, demo_password)
    path = client_path(page, "Lotte Visser")
    page.goto(path + "/attachments")
    form = page.locator("#attachment-form")
    form.locator("select[name=kind]").select_option("other")
    form.locator("input[name=file]").set_input_files({"name": "notes.docx", "mimeType": "application/octet-stream", "buffer": b"PK\x03\x04 word"})
    submit(page, "attachment-form", status=422)
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link", name=re.compile("PDF, JPG of PNG"))).to_have_attribute("href", "#file")
    check(page, "attachment refused")
    page.context.close()
