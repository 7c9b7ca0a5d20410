"""The training pages in a real browser: the trainer's cohorts, a cohort with its trainees, sessions and
results, the accredited activities with an attendance upload, mentoring, peer groups, the trainee's own
training page and portfolio, and the register office's recognised trainings; axe on every page, in
Dutch and English, and no sideways scrolling at 320 px. A journey from a module result to a confirmed
course in the trainee's portfolio, an error summary, and who may not see a cohort.

The demo server keeps its state between runs, so the journey only does what may be done twice: a
second result for the same module of the same trainee updates the first."""
import datetime
import re

import pytest
from playwright.sync_api import expect

from browser_support import assert_accessible, assert_page_basics, login, new_page, signed_in, submit

TRAINER = "trainer@demo.jobcoach.test"
ELIGIBLE_TRAINEE = "trainee-eligible@demo.jobcoach.test"
NEW_TRAINEE = "trainee-new@demo.jobcoach.test"
JOB_COACH = "job-coach@demo.jobcoach.test"
REGISTER_OFFICER = "register-officer@demo.jobcoach.test"

# The module Noor's result is recorded for: the session of "Creation of work places" is the one she
# attended. Recording it again on a later run updates the same result.
NOOR_MODULE = "module-3"


def no_sideways_scroll(page, label):
    page.set_viewport_size({"width": 320, "height": 800})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"{label}: the page is {width}px wide at 320px"
    page.set_viewport_size({"width": 1280, "height": 900})


def yesterday():
    return (datetime.date.today() - datetime.timedelta(days=1)).isoformat()


def cohort_path(page, name):
    """The path of a cohort, found through the trainer's cohorts table like a trainer would."""
    page.goto("/training")
    href = page.locator("#cohorts-table").get_by_role("link", name=name, exact=True).get_attribute("href")
    assert href and re.fullmatch(r"/training/cohorts/[0-9A-Fa-f-]{36}", href), href
    return href


def peer_group_path(page, name):
    page.goto("/peer-groups")
    href = page.locator("main").get_by_role("link", name=name, exact=True).first.get_attribute("href")
    assert href and re.fullmatch(r"/peer-groups/[0-9A-Fa-f-]{36}", href), href
    return href


def with_lang(path, lang):
    return f"{path}{'&' if '?' in path else '?'}lang={lang}"


# What each page must show besides the basics.

def check_training(page, lang):
    table = page.locator("#cohorts-table")
    expect(table).to_be_visible()
    expect(table.get_by_role("link", name="Arnhem voorjaar", exact=True)).to_be_visible()
    expect(table.get_by_role("link", name="Utrecht najaar", exact=True)).to_be_visible()
    expect(page.locator("#cohort-form")).to_be_visible()


def check_cohort(page, lang):
    for table in ["#trainees-table", "#sessions-table", "#results-table"]:
        expect(page.locator(table)).to_be_attached()
    for form in ["#enrol-form", "#session-form", "#result-form", "#diploma-form"]:
        expect(page.locator(form)).to_be_visible()


def check_activities(page, lang):
    expect(page.locator("#activities-table")).to_be_attached()
    expect(page.locator("#activity-form")).to_be_visible()
    expect(page.locator("#attendance-form input[type=file][name=file]")).to_be_attached()
    expect(page.locator("#attendance-form select[name=activity]")).to_be_visible()


def check_trainer_mentoring(page, lang):
    expect(page.locator("#assign-form")).to_be_visible()


def check_my_training(page, lang):
    expect(page.locator("main table[id^='modules-']").first).to_be_attached()
    expect(page.locator("main table[id^='coverage-']").first).to_be_attached()
    expect(page.locator("main section[id^='eligibility-']").first).to_be_visible()


def check_eligible_portfolio(page, lang):
    confirmed = "bevestigd door de opleider" if lang == "nl" else "confirmed by provider"
    courses = page.locator("#courses").locator("xpath=..").locator("ul.items > li").filter(has_text=confirmed)
    assert courses.count() >= 2, f"/portfolio ({lang}): Emre's two confirmed modules"
    # What the provider confirmed is not the coach's to remove.
    for index in range(courses.count()):
        assert courses.nth(index).locator("form, button").count() == 0, f"a remove button beside {courses.nth(index).inner_text()}"


def check_trainee_mentoring(page, lang):
    main = page.locator("main")
    expect(main).to_contain_text("Sem Stevens")
    expect(main).to_contain_text("Het eerste gesprek met een werkgever voorbereiden")


def check_peer_groups(page, lang):
    expect(page.locator("main").get_by_role("link", name="Autisme en werk", exact=True)).to_be_visible()


def check_peer_group(page, lang):
    members = page.locator("#members-table")
    for region in ["Utrecht", "Groningen", "Zeeland"]:
        expect(members).to_contain_text(region)
    expect(page.locator("#member-form")).to_be_visible()
    expect(page.locator("#peer-meeting-form")).to_be_visible()


def check_recognitions(page, lang):
    table = page.locator("main table").first
    for provider in ["Capabel", "Combo", "Elan", "Saxion", "Sara Werkt"]:
        expect(table).to_contain_text(provider)
    expect(page.locator("#recognition-form")).to_be_visible()


# (who, which page, how to find it, what it must show)
PAGES = [
    ("trainer-start", TRAINER, lambda page: "/training", check_training),
    ("trainer-cohort-arnhem", TRAINER, lambda page: cohort_path(page, "Arnhem voorjaar"), check_cohort),
    ("trainer-cohort-utrecht", TRAINER, lambda page: cohort_path(page, "Utrecht najaar"), check_cohort),
    ("trainer-activities", TRAINER, lambda page: "/training/activities", check_activities),
    ("trainer-mentoring", TRAINER, lambda page: "/mentoring", check_trainer_mentoring),
    ("trainee-my-training", ELIGIBLE_TRAINEE, lambda page: "/training/me", check_my_training),
    ("trainee-portfolio", ELIGIBLE_TRAINEE, lambda page: "/portfolio", check_eligible_portfolio),
    ("trainee-mentoring", NEW_TRAINEE, lambda page: "/mentoring", check_trainee_mentoring),
    ("coach-peer-groups", JOB_COACH, lambda page: "/peer-groups", check_peer_groups),
    ("coach-peer-group", JOB_COACH, lambda page: peer_group_path(page, "Autisme en werk"), check_peer_group),
    ("office-recognitions", REGISTER_OFFICER, lambda page: "/office/recognitions", check_recognitions),
]


def open_page(browser, demo_password, email, find, lang):
    page = signed_in(browser, email, demo_password)
    path = with_lang(find(page), lang)
    response = page.goto(path)
    assert response.status == 200, f"{path} ({email}): {response.status}"
    assert page.locator("html").get_attribute("lang") == lang, f"{path}: the page is not in {lang}"
    return page, path


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name,email,find,check", PAGES, ids=[p[0] for p in PAGES])
def test_training_pages(browser, demo_password, name, email, find, check, lang):
    page, path = open_page(browser, demo_password, email, find, lang)
    label = f"{path} ({email})"
    assert_page_basics(page, label)
    check(page, lang)
    assert_accessible(page, label)
    no_sideways_scroll(page, label)
    page.context.close()


# Every field of every form has a label of its own. axe does not see this one: it counts a
# `<label for=x>` as the label of every element with id x, while the browser gives it to the first.
UNLABELLED_FIELDS = """() => {
    const counts = {};
    for (const element of document.querySelectorAll('[id]')) counts[element.id] = (counts[element.id] || 0) + 1;
    const duplicates = Object.entries(counts).filter(([, n]) => n > 1).map(([id, n]) => `#${id} ${n} times`);
    const unlabelled = [...document.querySelectorAll('main input:not([type=hidden]), main select, main textarea')]
        .filter(field => field.labels.length === 0 && !field.getAttribute('aria-label') && !field.getAttribute('aria-labelledby'))
        .map(field => `${field.closest('form')?.id || 'no form'} ${field.tagName.toLowerCase()}[name=${field.name}]`);
    return {duplicates, unlabelled};
}"""

@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name,email,find,check", PAGES, ids=[p[0] for p in PAGES])
def test_training_fields_have_their_own_label(browser, demo_password, name, email, find, check, lang):
    page, path = open_page(browser, demo_password, email, find, lang)
    found = page.evaluate(UNLABELLED_FIELDS)
    assert found == {"duplicates": [], "unlabelled": []}, f"{path} ({email}): {found}"
    page.context.close()


def test_enrolment_to_eligible_portfolio(browser, demo_password):
    # The trainer records that Noor passed a module of the Arnhem cohort.
    page = new_page(browser)
    login(page, TRAINER, demo_password)
    expect(page).not_to_have_url(re.compile("/login"))
    cohort = cohort_path(page, "Arnhem voorjaar")
    # The portfolio's course title is the module's Dutch name.
    page.goto(with_lang(cohort, "nl"))
    module_nl = page.locator(f"#result-form select[name=resultModule] option[value='{NOOR_MODULE}']").inner_text().strip()
    page.goto(with_lang(cohort, "en"))
    form = page.locator("#result-form")
    form.locator("#enrolment").select_option(label="Noor Nieuw")
    form.locator("#resultModule").select_option(NOOR_MODULE)
    module_en = form.locator(f"#resultModule option[value='{NOOR_MODULE}']").inner_text().strip()
    form.locator("#result").select_option("passed")
    form.locator("#decidedOn").fill(yesterday())
    submit(page, "result-form")
    expect(page).to_have_url(re.compile(re.escape(cohort) + r".*#results$"))
    assert page.locator(".error-summary").count() == 0

    # The results table shows it: the column of that module, in Noor's row.
    results = page.locator("#results-table")
    headers = [h.strip() for h in results.locator("thead th").all_inner_texts()]
    assert module_en in headers, headers
    noor = results.locator("tbody tr").filter(has_text="Noor Nieuw")
    expect(noor).to_have_count(1)
    cells = noor.locator("th, td")
    expect(cells.nth(headers.index(module_en))).to_contain_text("passed on")
    page.context.close()

    # Noor finds it in her portfolio as a course the provider confirmed, which she cannot remove.
    noor_page = new_page(browser)
    login(noor_page, NEW_TRAINEE, demo_password)
    expect(noor_page).not_to_have_url(re.compile("/login"))
    noor_page.goto("/portfolio?lang=en")
    assert_page_basics(noor_page, "/portfolio (Noor)")
    courses = noor_page.locator("#courses").locator("xpath=..").locator("ul.items > li")
    course = courses.filter(has_text=module_nl)
    expect(course).to_have_count(1)
    expect(course).to_contain_text("Jobcoach Academie")
    expect(course).to_contain_text("confirmed by provider")
    assert course.locator("form, button").count() == 0, "a remove button beside a course the provider confirmed"
    assert_accessible(noor_page, "/portfolio?lang=en (Noor, after her result)")
    noor_page.context.close()

    # Emre's two modules, 140 hours confirmed by the provider, make him eligible on their own.
    emre = new_page(browser)
    login(emre, ELIGIBLE_TRAINEE, demo_password)
    expect(emre).not_to_have_url(re.compile("/login"))
    emre.goto("/training/me?lang=en")
    expect(emre.locator("main")).to_contain_text("You meet the entry requirements")
    emre.context.close()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_session_without_hours_shows_the_error_summary(browser, demo_password, lang):
    page = signed_in(browser, TRAINER, demo_password)
    cohort = cohort_path(page, "Arnhem voorjaar")
    page.goto(with_lang(cohort, lang))
    form = page.locator("#session-form")
    form.locator("select[name=module]").select_option(NOOR_MODULE)
    form.locator("#heldOn").fill(yesterday())
    form.locator("#hours").fill("")
    submit(page, "session-form", status=422)
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    assert page.evaluate("document.activeElement.closest('.error-summary') !== null"), "the error summary takes focus"
    expect(summary.locator("a[href='#hours']")).to_have_count(1)
    expect(page.locator("#session-form #hours")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#hours-error")).to_be_visible()
    assert_page_basics(page, f"{cohort} with errors ({lang})")
    assert_accessible(page, f"session form with errors ({lang})")
    no_sideways_scroll(page, f"session form with errors ({lang})")
    page.context.close()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_attendance_upload_reports_unknown_lines(browser, demo_password, lang):
    page = signed_in(browser, TRAINER, demo_password)
    page.goto(f"/training/activities?lang={lang}")
    form = page.locator("#attendance-form")
    form.locator("select[name=activity]").select_option(index=0)
    form.locator("input[name=file]").set_input_files(
        {"name": "list.csv", "mimeType": "text/csv", "buffer": b"registratienummer\nRJ-1999-0001\nnot a person\n"})
    submit(page, "attendance-form", status=200)
    assert page.locator(".error-summary").count() == 0
    lines = page.locator("#attendance-lines")
    expect(lines).to_be_visible()
    unknown = "onbekend" if lang == "nl" else "unknown"
    rows = lines.locator("tbody tr")
    expect(rows).to_have_count(2)
    for number, value in [("2", "RJ-1999-0001"), ("3", "not a person")]:
        row = rows.filter(has=page.locator("th, td").filter(has_text=re.compile(rf"^\s*{number}\s*$")))
        expect(row).to_have_count(1)
        expect(row).to_contain_text(value)
        expect(row).to_contain_text(unknown)
    assert_page_basics(page, f"attendance report ({lang})")
    assert_accessible(page, f"attendance report ({lang})")
    no_sideways_scroll(page, f"attendance report ({lang})")
    page.context.close()


def test_job_coach_reaches_no_training(browser, demo_password):
    trainer = signed_in(browser, TRAINER, demo_password)
    cohort = cohort_path(trainer, "Arnhem voorjaar")
    trainer.context.close()

    page = new_page(browser)
    login(page, JOB_COACH, demo_password)
    expect(page).not_to_have_url(re.compile("/login"))
    response = page.goto("/training")
    assert response.status == 403, f"/training: {response.status}"
    assert_page_basics(page, "/training refused")
    # Refused before the cohort is looked up, as for any page of a trainer (TrainingPagesTests expects
    # 403 here; 404 is what a trainer of another provider gets): the answer for a real cohort is the
    # same as for one that does not exist, so it tells nothing about which cohorts there are.
    response = page.goto(cohort)
    assert response.status == 403, f"{cohort} (job coach): {response.status}"
    response = page.goto("/training/cohorts/00000000-0000-4000-8000-000000000000")
    assert response.status == 403, f"an unknown cohort (job coach): {response.status}"
    page.context.close()
