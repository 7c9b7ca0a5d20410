"""Coaching in a real browser: a job coach works with a placed client from the coaching plan
through on-the-job support, the fading plan, closing and the follow-up checks to the reports for the
commissioner, making mistakes on the way. Every page it passes is checked by axe, in Dutch and once
in English. The team lead sees the same pages read-only; a coach of another team cannot open them.
The printed report holds only what the commissioner needs: no contact details, no life story."""
import datetime
import re
import time

from playwright.sync_api import expect

from browser_support import check, client_path, new_page, signed_in, submit

COACH = "job-coach@demo.jobcoach.test"
TEAM_LEAD = "team-lead@demo.jobcoach.test"
OTHER_TEAM_COACH = "job-coach-zuid@demo.jobcoach.test"
PLACED_CLIENT = "Lotte Visser"  # demo client on the job, placed at Distributiecentrum Lekdal
WORK_PAGES = ["/plan", "/support", "/fading", "/closing", "/reports"]
REPORT_KINDS = ["plan", "progress", "closing"]


def hours(text):
    """A number of hours as the page writes it, in either language ('2,25' or '2.25')."""
    return float(text.strip().replace(",", "."))


def test_coach_walks_a_placed_client_from_plan_to_reports(browser, demo_password):
    stamp = str(int(time.time() * 1000))
    today = datetime.date.today()
    goal_what = f"Zelfstandig de orderlijst afwerken {stamp}"
    page = signed_in(browser, COACH, demo_password)
    path = client_path(page, PLACED_CLIENT)

    # The client page links to every coaching page.
    page.goto(path)
    for suffix in WORK_PAGES:
        expect(page.locator(f"main a[href='{path}{suffix}']")).to_have_count(1)
    check(page, "client page on the job")

    # The coaching plan: roles and agreements.
    page.locator(f"main a[href='{path}/plan']").click()
    expect(page).to_have_url(re.compile(re.escape(path) + "/plan$"))
    page.fill("#planNetwork", f"Zus helpt met de reisplanning {stamp}.")
    page.fill("#planEmployerRole", "De teamleider plant vaste diensten.")
    page.fill("#planColleague", "Ahmed, teamleider orderpicking")
    page.fill("#planAgreedClient", today.isoformat())
    page.fill("#planAgreedEmployer", today.isoformat())
    submit(page, "plan-form")
    expect(page.locator(".error-summary")).to_have_count(0)
    expect(page.locator("#plan dl.facts")).to_contain_text(f"Zus helpt met de reisplanning {stamp}.")

    # A goal that is not SMART: the error summary names what is missing.
    page.fill("#goalWhat", "Werken")
    submit(page, "goal-form", 422)
    summary = page.locator(".error-summary[role=alert]")
    expect(summary).to_be_visible()
    for field in ["goalWhat", "goalWhy", "goalTarget", "goalUnit", "goalDueOn", "goalAgreed"]:
        expect(summary.locator(f"a[href='#{field}']")).to_have_count(1)
    expect(page.locator("#goalWhat")).to_have_attribute("aria-invalid", "true")
    check(page, "goal that is not SMART")

    page.fill("#goalWhat", goal_what)
    page.fill("#goalWhy", "Lotte wil minder afhankelijk zijn van haar collega's.")
    page.fill("#goalTarget", "5")
    page.fill("#goalUnit", "dagen per week zonder hulp")
    page.fill("#goalDueOn", (today + datetime.timedelta(days=60)).isoformat())
    page.fill("#goalSteps", "Lijst lezen met de collega\nLijst zelf lezen, collega kijkt mee\nAlleen")
    page.check("#goalAgreed")
    submit(page, "goal-form")
    expect(page.locator(".error-summary")).to_have_count(0)
    goal_row = page.locator("#goals-table tbody tr", has_text=goal_what)
    expect(goal_row).to_contain_text("nog niet bereikt")
    expect(goal_row).to_contain_text("Alleen")
    check(page, "coaching plan with a goal")

    # Support on the job, with progress on the new goal.
    page.goto(path + "/support")
    page.fill("#supportHeldOn", today.isoformat())
    page.fill("#supportMinutes", "135")
    page.select_option("#supportWithWhom", "both")
    page.fill("#supportLocation", "Distributiecentrum Lekdal")
    page.fill("#supportNotes", f"Meegelopen in de ochtenddienst {stamp}.")
    progress = page.get_by_label(f"Voortgang: {goal_what}")
    expect(progress).to_have_attribute("name", re.compile(r"^progress\.[0-9A-Fa-f-]{36}$"))
    progress.fill(f"Drie dagen zonder hulp {stamp}.")
    submit(page, "support-form")
    expect(page.locator(".error-summary")).to_have_count(0)
    entry = page.locator("#support-table tbody tr", has_text=f"Meegelopen in de ochtenddienst {stamp}.")
    expect(entry).to_have_count(1)
    expect(entry).to_contain_text(f"{goal_what}: Drie dagen zonder hulp {stamp}.")
    expect(entry).to_contain_text("135")

    # A milestone, celebrated afterwards with the inline button.
    milestone = f"Eerste week zelfstandig {stamp}"
    page.fill("#milestoneTitle", milestone)
    page.fill("#milestoneReachedOn", today.isoformat())
    submit(page, "milestone-form")
    row = page.locator("#milestones-table tbody tr", has_text=milestone)
    expect(row).to_contain_text("nog niet gevierd")
    row.get_by_role("button", name="Gevierd").click()
    row = page.locator("#milestones-table tbody tr", has_text=milestone)
    expect(row).to_contain_text("ja, gevierd")
    expect(row.get_by_role("button")).to_have_count(0)

    # An evaluation without the client is refused.
    evaluation = f"Gaat goed, tempo omhoog {stamp}."
    page.fill("#evaluationHeldOn", today.isoformat())
    page.fill("#evaluationOutcome", evaluation)
    page.check("#evaluationWithEmployer")
    submit(page, "evaluation-form", 422)
    expect(page.locator(".error-summary a[href='#evaluationWith']")).to_be_visible()
    expect(page.locator("#evaluationWith-error")).to_be_visible()
    check(page, "evaluation without the client")
    page.check("#evaluationWithClient")
    submit(page, "evaluation-form")
    expect(page.locator(".error-summary")).to_have_count(0)
    expect(page.locator("#evaluations-table tbody tr", has_text=evaluation)).to_contain_text("tussentijds")

    # An appointment the client will see.
    topic = f"Voortgang bespreken {stamp}"
    page.fill("#appointmentDate", (today + datetime.timedelta(days=7)).isoformat())
    page.fill("#appointmentTime", "10:30")
    page.fill("#appointmentMinutes", "45")
    page.fill("#appointmentLocation", "Kantine Lekdal")
    page.fill("#appointmentTopic", topic)
    submit(page, "appointment-form")
    expect(page.locator(".error-summary")).to_have_count(0)
    expect(page.locator("#appointments-table tbody tr", has_text=topic)).to_contain_text("10:30")
    check(page, "support with records")

    # The goal is reached.
    page.goto(path + "/plan")
    page.locator("#goals-table tbody tr", has_text=goal_what).get_by_role("button", name="Bereikt").click()
    expect(page.locator("#goals-table tbody tr", has_text=goal_what)).to_contain_text("bereikt op")

    # The fading plan: linear from last week, then adjusted by hand, with a rising week first.
    week = datetime.timedelta(days=7)
    start = today - week
    page.goto(path + "/fading")
    page.fill("#fadingStart", start.isoformat())
    page.fill("#fadingFirstHours", "6")
    page.fill("#fadingWeeksCount", "3")
    submit(page, "fading-linear-form")
    expect(page.locator(".error-summary")).to_have_count(0)
    table = page.locator("#fading-table tbody tr")
    expect(table).to_have_count(4)
    assert [hours(table.nth(i).locator("td").nth(1).inner_text()) for i in range(4)] == [6, 4, 2, 0]
    # The support given today falls in the plan's second week.
    assert hours(table.nth(1).locator("td").nth(2).inner_text()) >= 2.25

    # The weeks table is filled in from the plan, the takeover day too.
    expect(page.locator("#fadingWeek-0-start")).to_have_value(start.isoformat())
    expect(page.locator("#fadingWeek-1-hours")).to_have_value("4")
    expect(page.locator("#fadingTakeoverOn")).to_have_value((start + 3 * week).isoformat())
    expect(page.get_by_label("Week 3: Geplande uren")).to_have_value("2")
    page.fill("#fadingWeek-2-hours", "5")
    submit(page, "fading-weeks-form", 422)
    expect(page.locator(".error-summary a[href='#fadingWeek-2-hours']")).to_contain_text("Week 3")
    expect(page.locator("#fadingWeek-2-hours")).to_have_attribute("aria-invalid", "true")
    check(page, "fading plan with rising hours")
    page.fill("#fadingWeek-2-hours", "1,5")
    submit(page, "fading-weeks-form")
    expect(page.locator(".error-summary")).to_have_count(0)
    chart = page.locator("#comparison figure.chart svg[role=img]")
    expect(chart).to_have_count(1)
    assert chart.locator("title").first.text_content().strip()
    assert "gegeven" in chart.locator("desc").text_content()
    expect(page.locator("#comparison figure.chart figcaption")).not_to_be_empty()
    table = page.locator("#fading-table tbody tr")
    assert [hours(table.nth(i).locator("td").nth(1).inner_text()) for i in range(4)] == [6, 4, 1.5, 0]
    check(page, "fading plan compared with the support given")

    # The same page in English.
    page.goto(path + "/fading?lang=en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#fading-table caption")).to_have_text("Hours per plan week")
    assert hours(page.locator("#fading-table tbody tr").nth(1).locator("td").nth(2).inner_text()) >= 2.25
    check(page, "fading plan in English")

    # Closing: the closing evaluation needs all three parties.
    page.goto(path + "/closing?lang=nl")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    closing_evaluation = f"Doel bereikt, werkgever neemt over {stamp}."
    page.fill("#evaluationHeldOn", today.isoformat())
    page.fill("#evaluationOutcome", closing_evaluation)
    page.check("#evaluationWithClient")
    page.check("#evaluationWithEmployer")
    submit(page, "closing-evaluation-form", 422)
    expect(page.locator(".error-summary a[href='#evaluationWith']")).to_contain_text("alle drie")
    check(page, "closing evaluation without the commissioner")
    page.check("#evaluationWithCommissioner")
    submit(page, "closing-evaluation-form")
    expect(page.locator(".error-summary")).to_have_count(0)
    expect(page.locator("#closing-evaluations-table tbody tr", has_text=closing_evaluation)).to_have_count(1)

    summary_text = f"Lotte werkt 28 uur per week als orderpicker {stamp}."
    page.fill("#closingClosedOn", today.isoformat())
    page.select_option("#closingOutcome", "paid-job")
    page.fill("#closingSummary", summary_text)
    page.fill("#closingAftercare", "Een jaar lang op afroep bereikbaar.")
    submit(page, "closing-form")
    expect(page.locator(".error-summary")).to_have_count(0)
    expect(page.locator("#closing dl.facts")).to_contain_text(summary_text)
    expect(page.locator("#closing dl.facts")).to_contain_text("Betaald werk")

    # A follow-up check (the first one still open: demo servers are shared by reruns).
    expect(page.locator("#follow-ups-table tbody tr")).to_have_count(3)
    if page.locator("#follow-up-form").count():
        months = page.locator("#followUpMonths option").first.get_attribute("value")
        note = f"Vaste collega is het aanspreekpunt {stamp}"
        page.select_option("#followUpMonths", months)
        page.fill("#followUpHeldOn", today.isoformat())
        page.select_option("#followUpEmployed", "yes")
        page.fill("#followUpHours", "28")
        page.select_option("#followUpSameEmployer", "yes")
        page.select_option("#followUpSupportNeeded", "no")
        page.fill("#followUpNote", note)
        submit(page, "follow-up-form")
        expect(page.locator(".error-summary")).to_have_count(0)
        done = page.locator("#follow-ups-table tbody tr", has_text=note)
        expect(done).to_contain_text(f"na {months} maanden")
        expect(done).to_contain_text("gedaan op")
    check(page, "closing with records")

    # Reports: sending needs the client's consent, refused first, then given.
    page.goto(path + "/reports")
    section = page.locator("#report-progress")
    section.locator("#consent-progress").select_option("no")
    submit(page, "consent-form-progress")
    expect(page.locator("#report-progress dl.facts")).to_contain_text("geweigerd op")
    submit(page, "send-form-progress", 422)
    error = page.locator(".error-summary a[href='#send-progress']")
    expect(error).to_contain_text("De cliënt heeft (nog) geen toestemming gegeven")
    expect(page.locator("#send-progress-error")).to_be_visible()
    check(page, "report without consent")
    page.select_option("#consent-progress", "yes")
    submit(page, "consent-form-progress")
    expect(page.locator("#report-progress dl.facts")).to_contain_text("gegeven op")
    sent_before = page.locator("#report-progress dl.facts").inner_text().count("(nl)")
    page.select_option("#send-progress", "nl")
    submit(page, "send-form-progress")
    expect(page.locator(".error-summary")).to_have_count(0)
    facts = page.locator("#report-progress dl.facts")
    expect(facts).to_contain_text("Verstuurd")
    assert facts.inner_text().count("(nl)") == sent_before + 1
    check(page, "reports with one sent")

    # The printable report and its PDF.
    page.locator("#report-progress a", has_text="Bekijken en afdrukken").click()
    expect(page).to_have_url(re.compile(re.escape(path) + "/reports/progress$"))
    report = page.locator("article.report")
    expect(report).to_contain_text(PLACED_CLIENT)
    expect(report).to_contain_text("Distributiecentrum Lekdal")
    check(page, "progress report")
    pdf = page.request.get(path + "/reports/progress/pdf")
    assert pdf.status == 200, pdf.status
    assert pdf.headers["content-type"].startswith("application/pdf"), pdf.headers["content-type"]
    assert pdf.body().startswith(b"%PDF")
    page.context.close()


def test_the_team_lead_reads_the_coaching_pages_and_another_team_gets_404(browser, demo_password):
    lead = signed_in(browser, TEAM_LEAD, demo_password)
    path = client_path(lead, PLACED_CLIENT)
    for suffix in WORK_PAGES:
        response = lead.goto(path + suffix)
        assert response.status == 200, f"{suffix}: {response.status}"
        check(lead, f"{suffix} for the team lead")
        expect(lead.locator("main form")).to_have_count(0)
        expect(lead.locator("main button")).to_have_count(0)
        if suffix == "/support":  # the records are there to read (the demo data logs weekly support)
            expect(lead.locator("#support-table tbody tr").first).to_be_visible()
    expect(lead.locator("#report-progress")).to_be_visible()
    # The grant of coaching hours and its accountability report (the demo places Lotte on a UWV grant).
    lead.goto(path + "/support")
    expect(lead.locator("#grant-years")).to_be_visible()
    response = lead.goto(path + "/grant/report")
    assert response.status == 200, response.status
    check(lead, "grant report for the team lead")
    expect(lead.locator("#grant-goals")).to_be_visible()
    response = lead.goto(path + "/reports/closing")
    assert response.status == 200, response.status
    check(lead, "closing report for the team lead")
    lead.context.close()

    other = signed_in(browser, OTHER_TEAM_COACH, demo_password)
    paths = [path + suffix for suffix in WORK_PAGES] + [f"{path}/reports/{kind}" for kind in REPORT_KINDS]
    for target in paths:
        response = other.goto(target)
        assert response.status == 404, f"{target}: {response.status}"
    check(other, "not found")
    for kind in REPORT_KINDS:
        pdf = other.request.get(f"{path}/reports/{kind}/pdf")
        assert pdf.status == 404, f"{kind} pdf: {pdf.status}"
        assert not pdf.body().startswith(b"%PDF")
    other.context.close()


def test_the_printed_report_holds_no_contact_details_or_life_story(browser, demo_password):
    stamp = str(int(time.time() * 1000))
    today = datetime.date.today().isoformat()
    name = f"Iris Rapport {stamp}"
    email = f"iris.{stamp}@voorbeeld.test"
    phone = "06 " + stamp[-8:][::-1]
    life_world = f"Woont sinds de scheiding weer bij haar moeder; heeft schulden ({stamp[::-1]})."
    motivation = f"Wil van de schulden af en een eigen huis ({stamp[::-1]})."
    network = f"Moeder en een buurvrouw; geen contact met vader ({stamp[::-1]})."
    question = f"Werk in de zorg, twintig uur per week ({stamp[::-1]})."
    page = signed_in(browser, COACH, demo_password)

    page.goto("/clients/new")
    page.fill("#name", name)
    page.fill("#email", email)
    page.fill("#phone", phone)
    page.fill("#place", "Utrecht")
    page.select_option("#commissioner", index=1)
    page.locator("form[action='/clients'] button[type=submit]").click()
    expect(page.locator("h1")).to_have_text(name)
    path = re.sub(r"^https?://[^/]+", "", page.url)
    # The client page's details hold the contact details the report must leave out.
    details = page.locator("main dl").first
    expect(details).to_contain_text(email)
    expect(details).to_contain_text(phone)

    page.goto(path + "/intake")
    page.fill("#heldOn", today)
    page.fill("#reason", "Aangemeld door de gemeente.")
    page.fill("#question", question)
    page.fill("#motivation", motivation)
    page.fill("#lifeWorld", life_world)
    page.fill("#socialNetwork", network)
    page.check("#codeOfConduct")
    submit(page, "intake-form")
    expect(page.locator(".error-summary")).to_have_count(0)

    for kind in REPORT_KINDS:
        response = page.goto(f"{path}/reports/{kind}")
        assert response.status == 200, f"{kind}: {response.status}"
        report = page.locator("article.report")
        expect(report).to_contain_text(name)
        html = page.content()
        for private in [email, phone, life_world, motivation, network]:
            assert private not in html, f"the {kind} report shows {private!r}"
        if kind == "plan":
            expect(report).to_contain_text(question)  # what the commissioner does need
    check(page, "closing report of a new client")
    page.context.close()
