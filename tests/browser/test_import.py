"""Importing a spreadsheet in a real browser: a file full of problems is listed by line and column
and nothing is written; a clean file of employers is imported at once, with the progress bar's
page ending on what was done. Each page checked by axe in Dutch and English at 1280 and 390 px."""
import re
import time

import pytest
from playwright.sync_api import expect

from browser_support import check, signed_in, submit

COACH = "job-coach@demo.jobcoach.test"

PROBLEMS = (
    "Naam;Geboortedatum;Woonplaats;Fase;Hobby\n"
    "Anouk de Vries;31-02-1998;Utrecht;Intake;\n"
    ";1-1-1990;Nergenshuizen;bijna klaar;\n"
).encode("cp1252")


def upload(page, kind, name, data):
    page.goto("/import")
    form = page.locator("#import-form")
    form.locator("select[name=kind]").select_option(kind)
    form.locator("input[name=file]").set_input_files({"name": name, "mimeType": "text/csv", "buffer": data})
    submit(page, "import-form")
    expect(page).to_have_url(re.compile(r"/import/[0-9A-Fa-f-]{36}$"))


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("locale", ["nl-NL", "en-GB"])
def test_a_file_full_of_problems_is_listed_by_line_and_column(browser, demo_password, locale, width):
    page = signed_in(browser, COACH, demo_password, locale=locale)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/import")
    check(page, f"import page ({locale}, {width} px)")
    upload(page, "clients", "caseload.csv", PROBLEMS)
    dutch = locale.startswith("nl")
    table = page.locator("#problems-table")
    expect(table).to_be_visible()
    rows = table.locator("tbody tr")
    # Line 1: the unknown column; line 2: the date; line 3: name, place and phase.
    expect(rows).to_have_count(5)
    expect(rows.nth(0)).to_contain_text("E (Hobby)")
    expect(rows.nth(1)).to_contain_text("B (Geboortedatum)")
    expect(rows.nth(1)).to_contain_text("Dit is geen datum." if dutch else "This is not a date.")
    expect(rows.nth(2)).to_contain_text("A (Naam)")
    expect(page.locator("#execute-form")).to_have_count(0)
    expect(page.locator("p.lead")).to_contain_text("niets opgeslagen" if dutch else "Nothing has been stored")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling"
    check(page, f"import problems ({locale}, {width} px)")
    page.context.close()


def test_a_clean_file_is_imported_with_a_progress_page(browser, demo_password):
    page = signed_in(browser, COACH, demo_password)
    stamp = str(int(time.time() * 1000))
    employers = f"Naam;Sector;Plaats;Jobcarving\nImporttest Bakkerij {stamp};Voeding;Utrecht;ja\nImporttest Groen {stamp};Groen;Utrecht;nee\n"
    upload(page, "employers", "werkgevers.csv", employers.encode("utf-8-sig"))
    expect(page.locator("p.lead")).to_contain_text("2 werkgevers")
    check(page, "import ready")
    submit(page, "execute-form")
    # The page shows the progress bar while the import runs and reloads itself when it is done.
    expect(page.locator("p.lead")).to_contain_text("Geïmporteerd: 2 werkgevers", timeout=20_000)
    check(page, "import done")
    page.goto("/employers?q=Importtest+Bakkerij+" + stamp)
    expect(page.get_by_role("link", name=f"Importtest Bakkerij {stamp}")).to_be_visible()
    page.context.close()
