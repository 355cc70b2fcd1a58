"""Two app replicas as a user meets them: two `streamlit run app.py` processes on two ports, each with its own
ADVISOR_HOME, sharing one real PostgreSQL (ADVISOR_DATABASE_URL) and one real Chroma server (ADVISOR_INDEX_CHROMA_URL),
driven by Debian's Chromium through Playwright.

Browser sessions alternate between the replicas, ask in the chat and give a thumbs up; every session stays open (its
websocket to its replica) to the end. Part-way an administrator on replica A uploads a note and re-indexes. Then a
session that was opened on replica B before the re-index asks about the note and must get it cited, without a reload
or a restart (B never saw the file: its bytes come from the database); every thumbs up is in PostgreSQL exactly
once. tests/reliability/test_replicas.py runs 40 sessions through the same functions
without a browser, and the faults; this test shows the same through the real app servers.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from paths import PROJECT_ROOT
from pg_server import postgres_server  # noqa: F401 - fixture
from test_browser import (  # noqa: F401 - playwright_api is a fixture
    CHROMIUM,
    CHROMIUM_ARGS,
    STEP_MS,
    _free_port,
    _wait_healthy,
    open_page,
    playwright_api,
    start_app,
    stop_app,
    wait_idle,
)

from advisor.config import Settings
from advisor.feedback import open_feedback
from advisor.search import build_index

sys.path.insert(0, str(PROJECT_ROOT / "benchmarks"))
from replicas import ChromaServer  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.server, pytest.mark.slow]

ADMIN_PASSWORD = "replika-admin-2026"
NOTE_NAME = "dronebroyting.md"
NOTE = ("# Notat om snøbrøyting med droner\n\nKommunen vurderer å kjøpe snøbrøyting med autonome brøytedroner. "
        "Dronebrøyting skal prøves ut i tre bydeler vinteren 2027, og brøytedronene må tåle minus tjue grader.\n")
PROBE = "Hva vet vi om brøytedroner og dronebrøyting?"
QUESTIONS = [
    "Hva er markedsdialog?",
    "Når kan vi bruke innovasjonspartnerskap?",
    "Hva er en førkommersiell anskaffelse?",
    "Hvilke vilkår gjelder for konkurranse med forhandling?",
    "Hva er terskelverdien for kommuner?",
    "Hva er funksjonskrav?",
    "Hvordan kan vi vekte miljø i tildelingen?",
    "Hva er konkurransepreget dialog?",
    "Hva betyr leverandørutvikling?",
    "Hvor lenge kan en rammeavtale vare?",
]


def _settings(home: Path, database_url: str, chroma_url: str) -> Settings:
    return Settings(home=home, index={"embedding_backend": "hash", "chroma_url": chroma_url},
                    database={"url": database_url}, llm={"provider": "extractive"})


class App:
    """One replica: `streamlit run app.py` on its own port and state folder, on the shared backends."""

    def __init__(self, name: str, home: Path, database_url: str, chroma_url: str):
        self.name, self.home, self.port = name, home, _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        home.mkdir(parents=True, exist_ok=True)
        self.proc, self.log = start_app(home, self.port, {"ADVISOR_DATABASE_URL": database_url,
                                                          "ADVISOR_INDEX_CHROMA_URL": chroma_url,
                                                          "ADVISOR_APP_ADMIN_PASSWORD": ADMIN_PASSWORD})

    def stop(self) -> None:
        stop_app(self.proc, self.log)


@pytest.fixture(scope="module")
def backends(postgres_server, tmp_path_factory) -> Iterator[tuple[str, str]]:  # noqa: F811
    """(database URL, Chroma URL) with the corpus indexed once into the Chroma server and the shared registry."""
    if ChromaServer.cli() is None:
        pytest.skip("the chroma CLI is not installed")
    chroma = ChromaServer(tmp_path_factory.mktemp("chroma")).start()
    url = postgres_server.new_database()
    try:
        build_index(_settings(tmp_path_factory.mktemp("builder"), url, chroma.url), progress=False)
        yield url, chroma.url
    finally:
        chroma.stop()


@pytest.fixture(scope="module")
def apps(playwright_api, backends, tmp_path_factory) -> Iterator[list[App]]:  # noqa: F811
    url, chroma_url = backends
    started = [App(name, tmp_path_factory.mktemp(f"replica-{name}"), url, chroma_url) for name in "AB"]
    try:
        for app in started:
            _wait_healthy(app.url, app.proc, timeout_s=180)
        yield started
    finally:
        for app in started:
            app.stop()


@pytest.fixture(scope="module")
def browser(playwright_api):  # noqa: F811
    with playwright_api() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _session(browser, app: App, page_name: str = "chat"):
    context = browser.new_context(viewport={"width": 1360, "height": 900}, locale="nb-NO")
    page = context.new_page()
    page.set_default_timeout(STEP_MS * 2)
    open_page(page, app.url, page_name)
    return context, page


def _ask(page, question: str, turn: int) -> str:
    """Ask in the chat; the text of the answer (turn = how many answers the page shows before this one)."""
    box = page.locator('[data-testid="stChatInputTextArea"]')
    box.fill(question)
    box.press("Enter")
    answer = page.locator('[data-testid="stChatMessage"]').nth(2 * turn + 1)
    answer.wait_for()
    wait_idle(page)
    answer.locator('[data-testid="stExpander"]').first.wait_for()  # its sources
    wait_idle(page)
    return answer.inner_text()


def _thumbs_up(page, turn: int) -> None:
    answer = page.locator('[data-testid="stChatMessage"]').nth(2 * turn + 1)
    answer.get_by_role("radio", name="Thumbs up").click()
    wait_idle(page)
    answer.get_by_text("Takk! Tilbakemeldingen er lagret.").wait_for()


def _upload_and_index(browser, app: App) -> None:
    context, page = _session(browser, app, "kilder")
    try:
        page.get_by_label("Administratorpassord").fill(ADMIN_PASSWORD)
        page.get_by_role("button", name="Logg inn").click()
        wait_idle(page)
        page.get_by_text("Du er logget inn som administrator.").wait_for()
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
            files=[{"name": NOTE_NAME, "mimeType": "text/markdown", "buffer": NOTE.encode()}])
        wait_idle(page)
        page.get_by_role("button", name="Lagre og indekser").click()
        wait_idle(page)
        page.get_by_text(f"Lagret: {NOTE_NAME}").wait_for(timeout=STEP_MS * 6)
    finally:
        context.close()


def test_two_app_replicas_share_feedback_uploads_and_a_new_build(apps, backends, browser, tmp_path):
    url, chroma_url = backends
    open_sessions = []
    asked: list[str] = []
    try:
        for i, question in enumerate(QUESTIONS):
            app = apps[i % 2]
            context, page = _session(browser, app)
            open_sessions.append((app, context, page))
            text = _ask(page, question, turn=0)
            assert "[1]" in text and "Kilder (" in text, (app.name, question, text[:300])
            _thumbs_up(page, turn=0)
            asked.append(question)
            if i == len(QUESTIONS) // 2:
                _upload_and_index(browser, apps[0])
                uploaded_at = time.monotonic()

        # A session opened on replica B before the re-index asks about the note: the next page run uses the new build
        # (the active build is polled every 2 s), no reload, no restart.
        b_session = next(page for app, _, page in open_sessions if app is apps[1])
        for attempt in range(6):
            text = _ask(b_session, PROBE, turn=1 + attempt)
            if "snøbrøyting med droner" in text.lower():
                break
        else:
            pytest.fail(f"replica B never cited the note uploaded on A; last answer: {text[:400]}")
        seen_after_s = time.monotonic() - uploaded_at
        print(f"\nreplica B cited the note uploaded on A {seen_after_s:.1f} s after the upload finished "
              f"({attempt + 1} question(s))")
    finally:
        for _, context, _ in open_sessions:
            context.close()

    # Every thumbs up, from either replica, is in the shared database exactly once.
    entries = open_feedback(_settings(tmp_path / "reader", url, chroma_url)).entries()
    stored = [e.question for e in entries if e.rating == "up"]
    assert sorted(stored) == sorted(asked)
