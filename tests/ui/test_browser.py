"""The app in a real browser: `streamlit run app.py` as a subprocess, driven by Debian's Chromium through Playwright.

Screenshots of every page are saved into test-artifacts/ (gitignored) for a person to look at. The test skips
when /usr/bin/chromium or the playwright package is missing; it never downloads a browser.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from advisor.config import PROJECT_ROOT, Settings
from advisor.search import build_index

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = PROJECT_ROOT / "test-artifacts"
ADMIN_PASSWORD = "kurs-admin-2026"
TRAINER_PASSWORD = "kursleder-nettleser-2026"
DISCUSSION_CASE = PROJECT_ROOT / "tests" / "data" / "course" / "discussion.yaml"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
STEP_MS = 30_000


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, timeout_s: float = 90) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise TimeoutError(f"streamlit did not answer on {url} within {timeout_s} s")


@pytest.fixture(scope="module")
def playwright_api():
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium (install Debian's chromium package: apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright Python package is not installed (pip install playwright; no `playwright install`)")
    return sync_playwright


@pytest.fixture(scope="module")
def app_url(playwright_api, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`streamlit run app.py` on a free port with a temporary ADVISOR_HOME (corpus indexed with the hash embedder)."""
    home = tmp_path_factory.mktemp("browser-home")
    build_index(Settings(home=home, index={"embedding_backend": "hash"}), progress=False)
    # No notices imported: a fresh home, so the app's first-run import of the shipped snapshot (corpus/doffin) is
    # what gives the statistics page its charts and the requirement page its similar notices.
    port = _free_port()
    proc, log = start_app(home, port, {"ADVISOR_APP_ADMIN_PASSWORD": ADMIN_PASSWORD,
                                       "ADVISOR_APP_TRAINER_PASSWORD": TRAINER_PASSWORD})
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc)
        yield url
    finally:
        stop_app(proc, log)


def start_app(home: Path, port: int, env: dict[str, str]) -> tuple[subprocess.Popen, object]:
    """`streamlit run app.py` on 127.0.0.1:port with this ADVISOR_HOME (hash embedder, extractive answers, no
    telemetry, no advisor.toml) and these extra variables; its output goes to home/streamlit.log."""
    full = {
        **os.environ,
        "ADVISOR_HOME": str(home),
        "ADVISOR_INDEX_EMBEDDING_BACKEND": "hash",
        "ADVISOR_LLM_PROVIDER": "extractive",
        "ADVISOR_CONFIG": str(home / "no-advisor.toml"),
        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
        **env,
    }
    full.pop("ADVISOR_APP_LANGUAGE", None)
    log = (home / "streamlit.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=PROJECT_ROOT, env=full, stdout=log, stderr=subprocess.STDOUT,
    )
    return proc, log


def stop_app(proc: subprocess.Popen, log) -> None:
    """Stop an app started by start_app (killed if it does not end within 10 s) and close its log."""
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
    log.close()


@pytest.fixture(scope="module")
def browser(playwright_api):
    with playwright_api() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, app_url):
    context = browser.new_context(viewport={"width": 1360, "height": 900}, locale="nb-NO")
    tab = context.new_page()
    tab.set_default_timeout(STEP_MS)
    yield tab
    context.close()


_IDLE = """() => !document.querySelector('[data-testid="stStatusWidgetRunningIcon"]')
    && !document.querySelector('[data-testid="stStatusWidgetRunningManIcon"]')
    && !document.querySelector('[data-stale="true"]')"""


def wait_idle(page) -> None:
    """Wait until Streamlit has finished the current run: no 'running' indicator and no stale (greyed) elements,
    seen twice in a row (a rerun can start a moment after the click)."""
    page.wait_for_timeout(300)
    deadline = time.monotonic() + STEP_MS / 1000
    calm = 0
    while calm < 2:
        if time.monotonic() > deadline:
            raise TimeoutError("Streamlit did not finish its run in time")
        calm = calm + 1 if page.evaluate(_IDLE) else 0
        page.wait_for_timeout(250)


def open_page(page, app_url: str, side: str) -> None:
    page.goto(f"{app_url}/?side={side}")
    page.locator('[data-testid="stMainBlockContainer"] h1').first.wait_for()
    wait_idle(page)


def shot(page, name: str) -> None:
    """Save the whole page: Streamlit scrolls inside its main section, so the viewport is grown to fit it first."""
    ARTIFACTS.mkdir(exist_ok=True)
    size = page.viewport_size
    height = page.evaluate("() => document.querySelector('main')?.scrollHeight || 0")  # stMain, the scroller
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], min(int(height) + 40, 8000))})
    page.wait_for_timeout(500)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    page.set_viewport_size(size)


def radio_choice(page, question: str, option: str) -> None:
    group = page.locator('[data-testid="stRadio"]').filter(has_text=question)
    group.get_by_text(option, exact=True).click()
    wait_idle(page)


def test_question_gets_a_cited_answer_in_the_browser(page, app_url):
    open_page(page, app_url, "chat")
    shot(page, "01-chat-empty")
    box = page.locator('[data-testid="stChatInputTextArea"]')
    box.fill("Når kan vi bruke innovasjonspartnerskap?")
    box.press("Enter")
    messages = page.locator('[data-testid="stChatMessage"]')
    messages.nth(1).wait_for()
    wait_idle(page)
    answer = messages.nth(1)
    answer.locator('[data-testid="stExpander"]').first.wait_for()  # the sources
    wait_idle(page)
    text = answer.inner_text()
    assert "[1]" in text  # a cited answer...
    assert "Kilder (" in text  # ...with its source cards
    assert "per 20" in text  # the as-of date on a card
    shot(page, "02-chat-answer")


def test_wizard_runs_to_a_result_in_the_browser(page, app_url):
    open_page(page, app_url, "vurdering")
    page.get_by_label("Hva er behovet?", exact=True).fill("Utslippsfrie anleggsmaskiner som ikke finnes i markedet i dag")
    page.get_by_role("button", name=re.compile(r"Neste$")).click()
    wait_idle(page)
    value = page.get_by_label("Anslått verdi (kroner, uten mva.)", exact=True)
    value.fill("40000000")
    value.press("Enter")
    wait_idle(page)
    radio_choice(page, "Hvem kjøper?", "Kommune eller fylkeskommune")
    radio_choice(page, "Hva skal kjøpes?", "Varer")
    shot(page, "03-wizard-step-2")
    page.get_by_role("button", name=re.compile(r"Neste$")).click()
    wait_idle(page)
    radio_choice(page, "Finnes det en løsning i markedet i dag?", "Nei")
    radio_choice(page, "Må noe utvikles", "Ja")
    radio_choice(page, "Vil dere kjøpe løsningen", "Ja")
    radio_choice(page, "Kan dere beskrive løsningen presist", "Nei")
    radio_choice(page, "Har dere hatt markedsdialog?", "Ja")
    page.get_by_role("button", name="Vurder anskaffelsen").click()
    wait_idle(page)
    main = page.locator('[data-testid="stMainBlockContainer"]')
    main.get_by_text("Del I og III", exact=True).first.wait_for()
    wait_idle(page)
    assert "Innovasjonspartnerskap" in main.inner_text()
    assert "2 300 000 kr ekskl. mva." in main.inner_text()
    shot(page, "04-assessment-result")


def test_requirement_analysis_in_the_browser(page, app_url):
    open_page(page, app_url, "behov")
    page.get_by_label("Kravtekst").fill("Takheisene skal være Guldmann GH3 eller likeverdig, med 255 kg løftekapasitet.\n"
                                        "Sykesignalanlegget skal være det samme som dagens (Ascom).")
    page.get_by_role("button", name="Analyser og skriv om").click()
    wait_idle(page)
    page.locator("mark").first.wait_for()
    assert page.locator("mark").count() >= 2
    page.get_by_text("Sammenlignbare kunngjøringer på Doffin").wait_for()  # the similar-notice panel (snapshot)
    shot(page, "05-requirements")


def test_statistics_page_in_the_browser(page, app_url):
    open_page(page, app_url, "statistikk")
    page.get_by_role("heading", name="Offisielle publiserte tall").wait_for()
    main = page.locator('[data-testid="stMainBlockContainer"]')
    main.locator('[data-testid="stImage"] img').first.wait_for()  # the procedure chart
    assert "Utvalg, ikke representativt" in main.inner_text()  # coverage stated with the figures
    page.get_by_text("Innovasjonspartnerskap, konkurransepreget dialog og forhandling", exact=False).first.wait_for()
    shot(page, "06-statistics")


def test_sources_page_with_admin_login_in_the_browser(page, app_url):
    open_page(page, app_url, "kilder")
    page.locator('[data-testid="stDataFrame"]').first.wait_for()
    page.get_by_label("Administratorpassord").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    wait_idle(page)
    page.get_by_text("Du er logget inn som administrator.").wait_for()
    assert ADMIN_PASSWORD not in page.url  # the password travels over the websocket, never in an address
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        files=[{"name": "snobroyting.md", "mimeType": "text/markdown",
                "buffer": "# Rammeavtale for snøbrøyting\n\nBrøyting av gang- og sykkelveier før klokken sju.\n".encode()}]
    )
    wait_idle(page)
    page.get_by_role("button", name="Lagre og indekser").click()
    wait_idle(page)
    page.get_by_text("Lagret: snobroyting.md").wait_for()
    shot(page, "07-sources-admin")


def _main(page):
    return page.locator('[data-testid="stMainBlockContainer"]')


def _tab(page, name: str):
    return page.get_by_role("tab", name=name)


def _trainer_login(page, app_url: str) -> None:
    open_page(page, app_url, "kurs")
    page.get_by_text("For kursleder", exact=True).click()
    wait_idle(page)
    page.get_by_label("Kursleders passord").fill(TRAINER_PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    wait_idle(page)
    page.get_by_text("Du er logget inn som kursleder.").wait_for()


def _answer_case(page, regime: str, part: str, innovative: str, procedure: str) -> None:
    panel = page.locator('[data-testid="stTabPanel"]:visible')
    for question, option in (("Hvilket regelverk gjelder?", regime), ("Hvilken del av forskriften", part),
                             ("Er dette en innovativ anskaffelse?", innovative),
                             ("Hvilken prosedyre ville du valgt?", procedure)):
        panel.locator('[data-testid="stRadio"]').filter(has_text=question).get_by_text(option, exact=True).click()
    panel.get_by_role("button", name="Sjekk svaret").click()
    wait_idle(page)


def _pick(page, label: str, option: str) -> None:
    """Choose in a selectbox by typing, as a user does in a long list (the list only draws what is in view)."""
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text=label).first
    box.click()
    page.keyboard.type(option)
    page.get_by_role("option", name=re.compile(re.escape(option))).first.click()
    wait_idle(page)


def test_course_flow_with_a_trainer_exporting_the_class_csv(browser, app_url, tmp_path):
    trainer = browser.new_context(viewport={"width": 1360, "height": 900}, locale="nb-NO", accept_downloads=True)
    participant = browser.new_context(viewport={"width": 1360, "height": 900}, locale="nb-NO")
    try:
        t_page = trainer.new_page()
        t_page.set_default_timeout(STEP_MS)
        _trainer_login(t_page, app_url)
        t_page.get_by_label("Navn på nytt kurs").fill("Kurs i nettleseren")
        t_page.get_by_role("button", name="Start kurset").click()
        wait_idle(t_page)
        message = t_page.get_by_text(re.compile(r"er startet med koden [A-Z0-9]{6}")).inner_text()
        code = re.search(r"koden ([A-Z0-9]{6})", message).group(1)

        p_page = participant.new_page()
        p_page.set_default_timeout(STEP_MS)
        p_page.goto(f"{app_url}/?side=kurs&kurs={code}")
        p_page.locator('[data-testid="stMainBlockContainer"] h1').first.wait_for()
        wait_idle(p_page)
        _main(p_page).get_by_text("Kurs i nettleseren", exact=False).first.wait_for()
        p_page.get_by_role("textbox", name="Navn eller kallenavn").fill("Kari")
        p_page.get_by_role("button", name="Lagre resultatene mine").click()
        wait_idle(p_page)
        p_page.get_by_text("Du deltar som Kari.").wait_for()
        assert "deltaker=" in p_page.url
        assert not p_page.get_by_text("Skjul fasit for kurset").count()  # participants have no such switch

        _tab(p_page, "Øvelse: velg prosedyre").click()
        wait_idle(p_page)
        _answer_case(p_page, "Anskaffelsesforskriften (vanlige regler etter verdi)", "Del I og III", "Ja",
                     "Innovasjonspartnerskap")
        # The first answer used to send the page back to the need tab and hide the feedback.
        assert _tab(p_page, "Øvelse: velg prosedyre").get_attribute("aria-selected") == "true"
        p_page.get_by_text("Riktig på alle spørsmålene.").wait_for()
        # ... and the score line used to be one answer behind.
        p_page.get_by_text("Resultater: 1 oppgaver besvart, 1 riktig (siste svar).").wait_for()
        main_text = _main(p_page).inner_text()
        assert "Terskelverdier og forskriftens deler" in main_text and "[guide-" not in main_text  # sources by title
        shot(p_page, "08-course-case")

        _pick(p_page, "Case", "case-003")
        _answer_case(p_page, "Anskaffelsesforskriften (vanlige regler etter verdi)", "Del I og II", "Nei",
                     "Åpen konkurranse")
        p_page.get_by_text("Ikke helt: 3 av 4 spørsmål er riktige.").wait_for()
        p_page.get_by_text("Resultater: 2 oppgaver besvart, 1 riktig (siste svar).").wait_for()

        p_page.reload()  # results survive a reload: the link keeps the participant
        p_page.locator('[data-testid="stMainBlockContainer"] h1').first.wait_for()
        wait_idle(p_page)
        p_page.get_by_text("Du deltar som Kari.").wait_for()
        p_page.get_by_text("Resultater: 2 oppgaver besvart, 1 riktig (siste svar).").wait_for()

        _trainer_login(t_page, app_url)  # a new visit: the trainer logs in again and finds the class and its results
        t_page.get_by_text("Klasseoversikt: 1 deltakere").wait_for()
        with t_page.expect_download() as download_info:
            t_page.get_by_role("button", name="Last ned resultatene (CSV)").click()
        download = download_info.value
        target = tmp_path / download.suggested_filename
        download.save_as(target)
        exported = target.read_text(encoding="utf-8")
        assert download.suggested_filename.startswith(f"kursresultater-{code}")
        assert exported.splitlines()[0].startswith("class_code,class_name,participant,exercise")
        assert f"{code},Kurs i nettleseren,Kari,case:case-001,case,1,true,true" in exported
        assert f"{code},Kurs i nettleseren,Kari,case:case-003,case,1,false,false" in exported
        shot(t_page, "11-course-trainer")
    finally:
        trainer.close()
        participant.close()


def test_nonsense_and_vague_need_statements_are_failed_in_the_browser(page, app_url):
    open_page(page, app_url, "kurs")
    need = page.locator('[data-testid="stTabPanel"]:visible')
    box = need.get_by_label("Skriv en behovsbeskrivelse", exact=True)
    box.fill("asdf qwerty")
    need.get_by_role("button", name="Sjekk svaret").click()
    wait_idle(page)
    need.get_by_text("Dette kan ikke vurderes som en behovsbeskrivelse", exact=False).wait_for()
    assert "Bra!" not in need.inner_text()
    box.fill("Vi trenger gode senger.")
    need.get_by_role("button", name="Sjekk svaret").click()
    wait_idle(page)
    need.get_by_text("Ikke helt: 2 av 6 punkter på sjekklisten mangler.").wait_for()
    text = need.inner_text()
    assert "Si hva som skal bli bedre" in text and "Ta med minst ett kriterium som kan måles" in text
    assert "pleiesenger som kan heves og senkes" in text  # the model answer beside it
    shot(page, "09-course-need")


def test_trainer_uploads_a_case_the_engine_disagrees_with_and_it_becomes_a_discussion_case(page, app_url):
    _trainer_login(page, app_url)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(DISCUSSION_CASE))
    wait_idle(page)
    page.get_by_text("Lagret discussion.yaml: 1 caser og 0 oppgaver.").wait_for()
    _tab(page, "Øvelse: velg prosedyre").click()
    wait_idle(page)
    _pick(page, "Case", "kurs-vaskeri")
    _answer_case(page, "Anskaffelsesforskriften (vanlige regler etter verdi)", "Del I og III", "Nei",
                 "Innovasjonspartnerskap")
    page.get_by_text("Diskusjonscase:", exact=False).wait_for()
    page.get_by_text("Motorens begrunnelse").wait_for()
    shot(page, "12-course-discussion")


def test_assessment_from_free_text_to_result_in_the_browser(page, app_url):
    open_page(page, app_url, "vurdering")
    page.get_by_label("Hva er behovet?", exact=True).fill(
        "Kommunen skal kjøpe utslippsfrie anleggsmaskiner for om lag 40 mill. kr. Markedsdialogen viste at ingen "
        "leverandører i dag kan levere de største maskinene uten utslipp, men flere vil utvikle dem. Kommunen vil "
        "kjøpe maskinene når de er utviklet og testet.")
    page.get_by_role("button", name="Les opplysninger ut av beskrivelsen").click()
    wait_idle(page)
    for _ in range(2):
        page.get_by_role("button", name=re.compile(r"Neste$")).click()
        wait_idle(page)
    page.get_by_role("button", name="Vurder anskaffelsen").click()
    wait_idle(page)
    main = _main(page)
    assert not page.locator('[data-testid="stException"]').count(), main.inner_text()[:2000]
    main.get_by_text("Del I og III", exact=True).first.wait_for()
    assert "Innovasjonspartnerskap" in main.inner_text()
    shot(page, "13-assessment-from-text")


def test_english_interface_in_the_browser(page, app_url):
    page.goto(f"{app_url}/?side=chat&lang=en")
    page.get_by_role("heading", name="Ask the sources").wait_for()
    wait_idle(page)
    shot(page, "10-chat-english")
