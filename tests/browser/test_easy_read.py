"""The client's own pages in a real browser, each rule of the easy-read page as a measurement: no
element wider than the screen at 320 px, no link to a professional or public page, a word beside every
icon, text of at least 18 px, targets of at least 44 px, and short sentences (the median number of
words per sentence is printed and kept low). In Dutch and English, at 320, 390 and 1280 px, with axe."""
import re
import statistics

import pytest
from playwright.sync_api import expect

from browser_support import check, signed_in

CLIENT = "client@demo.jobcoach.test"  # linked to Lotte Visser
PAGES = ["/me", "/me/appointments", "/me/coach"]
# Where a client's page may lead: their own pages, the skip link, mail and phone, and the language.
ALLOWED_LINK = re.compile(r"^(/me(/[a-z.]*)?(\?lang=(nl|en))?|#main|mailto:.+|tel:\+?[0-9]+)$")

OPEN_ALL = "document.querySelectorAll('details').forEach(d => d.open = true)"
TOO_WIDE = """() => [...document.querySelectorAll('body *')].filter(e => {
    if (e.closest('.skip-link, .visually-hidden')) return false;
    const r = e.getBoundingClientRect();
    return r.width > 0 && (r.right > window.innerWidth + 0.5 || r.left < -0.5);
}).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className.baseVal ?? e.className) : '') + ' ' + Math.round(e.getBoundingClientRect().right))"""
ICONS_WITHOUT_WORDS = """() => [...document.querySelectorAll('svg.icon')].filter(svg => {
    const holder = svg.parentElement;
    const words = [...holder.childNodes].filter(n => n !== svg).map(n => n.textContent).join('').trim();
    return svg.getAttribute('aria-hidden') !== 'true' || words.length === 0;
}).map(svg => svg.parentElement.outerHTML.slice(0, 120))"""
SMALL_TEXT = """() => [...document.querySelectorAll('body *')].filter(e => {
    if (e.closest('.skip-link, .visually-hidden, svg')) return false;
    const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    return own && e.getClientRects().length > 0 && parseFloat(getComputedStyle(e).fontSize) < 18;
}).map(e => e.tagName.toLowerCase() + ' ' + getComputedStyle(e).fontSize + ' ' + e.textContent.trim().slice(0, 40))"""
SMALL_TARGETS = """() => [...document.querySelectorAll('a[href], button, summary, .choice')].filter(e => {
    if (e.closest('.skip-link')) return false;
    const r = e.getBoundingClientRect();
    return r.width > 0 && (r.height < 43.5 || r.width < 43.5);
}).map(e => e.tagName.toLowerCase() + ' ' + Math.round(e.getBoundingClientRect().width) + 'x' + Math.round(e.getBoundingClientRect().height) + ' ' + e.textContent.trim().slice(0, 30))"""


def prose_lengths(text):
    """Words per sentence of the running text only: sentences that end in . ! or ?."""
    sentences = re.findall(r"[^.!?\n]+[.!?](?=\s|$)", text)
    return [len(re.findall(r"[\w'’-]+", sentence)) for sentence in sentences if re.search(r"\w", sentence)]


def sentence_lengths(text):
    """Words per sentence: a sentence ends at . ! ? : or a line break (headings, labels and list items
    stand alone); numbers and times count as words."""
    parts = re.split(r"[.!?:]\s|[.!?]$|\n", text)
    return [len(words) for words in (re.findall(r"[\w'’-]+", part) for part in parts) if words]


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("width", [320, 390, 1280])
def test_every_client_page_keeps_the_easy_read_rules(browser, demo_password, width, language):
    page = signed_in(browser, CLIENT, demo_password)
    page.set_viewport_size({"width": width, "height": 800})
    lengths, prose = [], []
    for path in PAGES:
        response = page.goto(f"{path}?lang={language}")
        assert response.status == 200, f"{path}: {response.status}"
        expect(page.locator("html")).to_have_attribute("lang", language)
        page.evaluate(OPEN_ALL)
        label = f"{path} ({language}, {width} px)"
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), f"{label}: sideways scrolling"
        assert page.evaluate(TOO_WIDE) == [], f"{label}: wider than the screen: {page.evaluate(TOO_WIDE)[:5]}"
        links = page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")
        assert [link for link in links if not ALLOWED_LINK.match(link)] == [], f"{label}: links out of the client's pages"
        assert page.evaluate(ICONS_WITHOUT_WORDS) == [], f"{label}: an icon without a word"
        assert page.locator("img").count() == 0, f"{label}: pictures are inline SVG with words"
        assert not re.search("[\U0001F300-\U0001FAFF\u2600-\u27BF]", page.locator("body").inner_text()), f"{label}: emoji"
        assert page.evaluate(SMALL_TEXT) == [], f"{label}: text under 18 px: {page.evaluate(SMALL_TEXT)[:5]}"
        assert page.evaluate(SMALL_TARGETS) == [], f"{label}: targets under 44 px: {page.evaluate(SMALL_TARGETS)[:5]}"
        lengths += sentence_lengths(page.locator("main").inner_text())
        prose += prose_lengths(page.locator("main").inner_text())
        check(page, label)
    median = statistics.median(lengths)
    print(f"\nclient pages, {language}, {width} px: {len(lengths)} lines, median {median} words, longest {max(lengths)};"
          f" {len(prose)} full sentences, median {statistics.median(prose)} words")
    assert median <= 8, f"median {median} words per sentence"
    assert max(lengths) <= 16, f"a sentence of {max(lengths)} words"
    assert statistics.median(prose) <= 10, f"median {statistics.median(prose)} words per full sentence"
    page.context.close()


def test_the_client_finds_what_happens_next_first_and_calls_the_coach(browser, demo_password):
    page = signed_in(browser, CLIENT, demo_password)
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto("/me?lang=nl")
    main = page.locator("main")
    # What happens next stands first: the next appointment and the step to work on.
    first = main.locator("h2").first
    expect(first).to_have_text("Wat komt er nu?")
    expect(main.locator(".now-card").first).to_contain_text("Je coach komt op je werk")
    expect(main.locator(".now-card").nth(1)).to_contain_text("De stappen")
    # The rest opens on demand.
    agreed = main.locator("details", has=page.locator("summary", has_text="Wat we hebben afgesproken"))
    expect(agreed).not_to_have_attribute("open", "")
    agreed.locator("summary").click()
    expect(agreed).to_contain_text("Je collega")
    # The professional note is not on the client's page; its plain version is.
    assert "Taken doorgenomen" not in page.content()
    # The consent question names the commissioner and says in a line what the report holds.
    consent = main.locator("details#consent")
    consent.locator("summary").click()
    legend = consent.locator("legend").first
    expect(legend).to_contain_text(re.compile(r"^Mag .+ het plan lezen\?$"))
    expect(consent.locator("fieldset").first).to_contain_text("Daarin staat wat je wilt bereiken.")
    assert "Voortgangsrapportage" not in page.content()
    # The coach: initials, phone and e-mail.
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Mijn jobcoach").click()
    expect(page).to_have_url(re.compile("/me/coach$"))
    expect(main.locator("svg.avatar text")).to_have_text("JJ")
    expect(main.get_by_role("link", name=re.compile("^Bel Jamila"))).to_have_attribute("href", "tel:0301234567")
    expect(main.get_by_role("link", name=re.compile("^Mail Jamila"))).to_have_attribute("href", "mailto:job-coach@demo.jobcoach.test")
    expect(page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Mijn jobcoach")).to_have_attribute("aria-current", "page")
    page.context.close()
