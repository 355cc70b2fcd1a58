"""The Streamlit app through streamlit.testing (AppTest), against a real index of the shipped corpus.

app.py builds Settings() itself, so the tests configure it the way a user does: through ADVISOR_* environment
variables (a temporary ADVISOR_HOME, the fast hash embedder, the extractive provider). Nothing in advisor.* is
patched; the caches Streamlit keeps across AppTest runs are cleared for every test.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from apptest import APP, app_environment, indexed_home
from streamlit.testing.v1 import AppTest

from advisor.config import PROJECT_ROOT, Settings
from advisor.feedback import open_feedback
from advisor.search import build_index
from advisor.ui import PAGES, TEXTS, t

DOFFIN_DATA = PROJECT_ROOT / "tests" / "data" / "doffin" / "eforms"
TIMEOUT = 60


@pytest.fixture(scope="module")
def app_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A state folder with the shipped corpus indexed (hash embedder), shared by the tests of this module."""
    return indexed_home(tmp_path_factory, "app-home")


@pytest.fixture
def env(app_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """ADVISOR_* for app.py: the indexed home, hash embeddings, no LLM, no admin, no advisor.toml."""
    with app_environment(monkeypatch, app_home, tmp_path) as home:
        yield home


def open_app(page: str = "chat") -> AppTest:
    """Run the app and switch to a page with the sidebar navigation, as a user would."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception, at.exception
    if page != "chat":
        at.sidebar.radio(key="side").set_value(page).run()
    assert not at.exception, at.exception
    return at


def texts_of(elements) -> list[str]:
    return [str(e.value) for e in elements]


def button(at: AppTest, text_key: str, which: int = 0, **values):
    """The button whose label is the Norwegian text `text_key` (the first, or the one at index `which`)."""
    label = t(text_key, "nb", **values)
    matches = [b for b in at.button if b.label == label]
    assert matches, f"no button {label!r} among {[b.label for b in at.button]}"
    return matches[which]


def all_markdown(at: AppTest) -> str:
    return "\n".join(texts_of(at.markdown) + texts_of(at.caption))


TITLES = {"chat": "chat_title", "behov": "req_title", "vurdering": "as_title", "statistikk": "stats_title",
          "kilder": "src_title", "kurs": "course_title"}


# --- every page -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_renders_in_norwegian_without_errors(env, page):
    at = open_app(page)
    assert texts_of(at.title) == [t(TITLES[page], "nb")]
    assert not at.error, texts_of(at.error)


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_renders_in_english(env, page):
    at = open_app(page)
    at.sidebar.segmented_control(key="lang").set_value("en").run()
    assert not at.exception, at.exception
    assert texts_of(at.title) == [t(TITLES[page], "en")]


def test_sidebar_lists_all_pages_and_says_no_language_model_is_used(env):
    at = open_app()
    nav = at.sidebar.radio(key="side")
    assert list(nav.options) == [f"{icon} {t(f'page_{p}', 'nb')}" for p, (_, icon) in PAGES.items()]
    assert t("mode_extractive", "nb") in texts_of(at.sidebar.caption)


def test_every_text_exists_in_both_languages_with_the_same_placeholders():
    for key, entry in TEXTS.items():
        assert set(entry) == {"nb", "en"}, key
        assert entry["nb"].strip() and entry["en"].strip(), key
        assert set(re.findall(r"{(\w+)}", entry["nb"])) == set(re.findall(r"{(\w+)}", entry["en"])), key


# --- chat -----------------------------------------------------------------------------------------------------


def test_chat_answers_with_citations_shown_as_source_cards(env):
    at = open_app()
    at.chat_input[0].set_value("Når kan vi bruke innovasjonspartnerskap?").run()
    assert not at.exception, at.exception
    roles = [m.name for m in at.chat_message]
    assert roles == ["user", "assistant"]
    reply = at.chat_message[1]
    body = texts_of(reply.markdown)
    assert re.search(r"\[\d\]", body[0]), body[0]  # a cited answer
    cards = [m for m in body if m.startswith("**[1] ")]
    assert cards, body
    captions = texts_of(reply.caption)
    assert any("per " in c for c in captions)  # section · authority · as-of date on the card
    assert any(t("chat_by_extractive", "nb") in c for c in captions)  # discreet: who answered
    assert not at.warning


def test_follow_up_question_is_asked_with_the_history(env):
    at = open_app()
    at.chat_input[0].set_value("Hva er terskelverdien for statlige oppdragsgivere?").run()
    at.chat_input[0].set_value("Og hva med for kommuner?").run()
    assert not at.exception, at.exception
    assert [m.name for m in at.chat_message] == ["user", "assistant", "user", "assistant"]
    turns = at.session_state["chat_turns"]
    assert [turn["question"] for turn in turns] == ["Hva er terskelverdien for statlige oppdragsgivere?",
                                                   "Og hva med for kommuner?"]
    # the follow-up was made standalone from the history (advisor.conversation.condense)
    assert turns[1]["answer"].standalone_query != "Og hva med for kommuner?"


def test_question_outside_the_sources_is_shown_as_a_warning_with_the_nearest_sources(env):
    at = open_app()
    at.chat_input[0].set_value("Hvem vant fotball-VM for kvinner i 1995?").run()
    assert not at.exception, at.exception
    assert t("chat_not_grounded", "nb") in texts_of(at.warning)
    reply = at.chat_message[1]
    assert "Kildene mine sier ikke noe om dette." in texts_of(reply.markdown)[0]
    assert any(e.label.startswith("Nærmeste kilder") for e in reply.expander)


def test_example_question_button_asks_it(env):
    at = open_app()
    at.button(key="chat_ex_chat_example_2").click().run()
    assert not at.exception, at.exception
    assert texts_of(at.chat_message[0].markdown) == [t("chat_example_2", "nb")]


def test_thumbs_and_comment_are_stored_locally_for_evaluators(env):
    at = open_app()
    at.chat_input[0].set_value("Hva er en førkommersiell anskaffelse?").run()
    at.feedback[0].set_value(0).run()  # thumbs down
    assert not at.exception, at.exception
    at.text_input[0].set_value("Mangler kilden om FoU-unntaket")
    button(at, "chat_feedback_save").click().run()
    assert not at.exception, at.exception
    entries = open_feedback(Settings(home=env)).entries()
    mine = [e for e in entries if e.question == "Hva er en førkommersiell anskaffelse?"]
    assert len(mine) == 1
    assert mine[0].rating == "down"
    assert mine[0].comment == "Mangler kilden om FoU-unntaket"
    assert mine[0].provider == "extractive" and mine[0].prompt_version
    assert mine[0].citations  # the cited chunk ids


def test_conversation_can_be_exported_and_restarted(env):
    at = open_app()
    at.chat_input[0].set_value("Hvordan kan vi beskrive behovet i stedet for løsningen?").run()
    labels = [b.label for b in at.get("download_button")]
    assert t("chat_export", "nb") in labels
    assert t("chat_feedback_csv", "nb") in labels and t("chat_feedback_jsonl", "nb") in labels
    at.button(key="chat_new").click().run()
    assert not at.chat_message
    assert not at.exception


def test_conversation_markdown_has_questions_answers_and_dated_sources(env):
    from advisor.chat import ask
    from advisor.search import open_index
    from advisor.ui import PageContext
    from advisor.ui.chat import conversation_markdown

    settings = Settings(home=env, index={"embedding_backend": "hash"})
    answer = ask("Når kan vi bruke innovasjonspartnerskap?", open_index(settings), settings)
    text = conversation_markdown(PageContext(settings, "nb"), [{"question": answer.question, "answer": answer}], "extractive")
    assert text.startswith("# Samtale med innovasjonsrådgiveren")
    assert "## Spørsmål 1" in text and "Når kan vi bruke innovasjonspartnerskap?" in text
    assert answer.text in text
    first = answer.citations[0]
    assert f"[1] **{first.title}**" in text and f"`{first.doc_id}`" in text and "per " in text


def llm_env(monkeypatch: pytest.MonkeyPatch, server) -> None:
    monkeypatch.setenv("ADVISOR_LLM_PROVIDER", "openai")
    monkeypatch.setenv("ADVISOR_LLM_BASE_URL", server.base_url)
    monkeypatch.setenv("ADVISOR_LLM_MODEL", "test-model")
    monkeypatch.setenv("ADVISOR_LLM_MAX_RETRIES", "0")
    monkeypatch.setenv("ADVISOR_LLM_TIMEOUT_S", "5")


def test_llm_answer_is_streamed_and_names_the_provider(env, monkeypatch):
    from llm_server import OpenAICompatibleServer

    reply = "Innovasjonspartnerskap kan brukes når markedet ikke har en løsning som dekker behovet [1]."
    with OpenAICompatibleServer(reply=reply) as server:
        llm_env(monkeypatch, server)
        at = open_app()
        assert t("chat_extractive_note", "nb") not in texts_of(at.caption)
        at.chat_input[0].set_value("Når kan vi bruke innovasjonspartnerskap?").run()
    assert not at.exception, at.exception
    assert server.requests and server.requests[-1].get("stream") is True  # tokens were streamed (on_token)
    answer = at.chat_message[1]
    assert texts_of(answer.markdown)[0] == reply
    assert any(c.startswith("Besvart av openai · test-model") for c in texts_of(answer.caption))
    assert any(m.startswith("**[1] ") for m in texts_of(answer.markdown))


def test_llm_failure_is_shown_in_the_conversation_without_losing_it(env, monkeypatch):
    from llm_server import OpenAICompatibleServer

    with OpenAICompatibleServer(mode="500") as server:
        llm_env(monkeypatch, server)
        at = open_app()
        at.chat_input[0].set_value("Når kan vi bruke innovasjonspartnerskap?").run()
    assert not at.exception, at.exception
    assert any(e.startswith("Svaret kunne ikke lages") and "HTTP 500" in e for e in texts_of(at.error))
    assert at.session_state["chat_turns"] == []


def test_unknown_provider_is_reported_instead_of_crashing(env, monkeypatch):
    monkeypatch.setenv("ADVISOR_LLM_PROVIDER", "gpt-lokal")
    at = open_app()
    assert any("gpt-lokal" in w for w in texts_of(at.sidebar.warning))
    at.chat_input[0].set_value("Hva er en førkommersiell anskaffelse?").run()
    assert not at.exception, at.exception
    assert any("unknown provider 'gpt-lokal'" in e for e in texts_of(at.error))


def test_feedback_export_needs_the_admin_login_when_a_password_is_set(env, monkeypatch):
    monkeypatch.setenv("ADVISOR_APP_ADMIN_PASSWORD", "hemmelig-123")
    at = open_app()
    assert t("chat_feedback_login", "nb") in texts_of(at.info)
    assert t("chat_feedback_csv", "nb") not in [b.label for b in at.get("download_button")]


def test_requirement_text_in_the_chat_offers_the_requirement_page(env):
    at = open_app()
    at.chat_input[0].set_value("Leverandøren skal levere PC-er av typen Dell Latitude 5550.").run()
    assert not at.exception, at.exception
    assert at.session_state["chat_turns"][0]["answer"].tool == "analyze"
    button(at, "chat_open_tool", page=t("page_behov", "nb")).click().run()
    assert not at.exception, at.exception
    assert texts_of(at.title) == [t("req_title", "nb")]
    assert at.text_area(key="req_text").value == "Leverandøren skal levere PC-er av typen Dell Latitude 5550."


# --- from solution to need ---------------------------------------------------------------------------------------

REQUIREMENTS = (
    "Takheisene skal være Guldmann GH3 eller likeverdig, med 255 kg løftekapasitet.\n"
    "Sykesignalanlegget skal være det samme som dagens (Ascom), slik at personalet slipper ny opplæring.\n"
    "Et anrop skal nå mottakerens håndholdte enhet innen 5 sekunder."
)


def test_requirements_are_marked_inline_and_rewritten_side_by_side(env):
    at = open_app("behov")
    at.text_area(key="req_text").set_value(REQUIREMENTS).run()
    at.button(key="req_analyze").click().run()
    assert not at.exception, at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t("req_count", "nb")] == "3"
    assert metrics[t("req_specific_count", "nb")] == "2"
    marked = [m.value for m in at.markdown if "<mark" in m.value]
    assert len(marked) == 2  # the two solution-specific requirements, each with its spans marked
    assert 'title="1. Merkenavn: «Guldmann» er et merkenavn' in marked[0]
    assert ">Guldmann GH3<" in marked[0] or ">Guldmann<" in marked[0]
    text = all_markdown(at)
    assert "**1. Merkenavn** – «Guldmann»" in text  # the explanation list under the marked text
    assert "Regel: FOA § 15-1" in text  # the rule
    assert any(e.label.startswith("Kilder: Merkenavn") for e in at.expander)  # the cited guidance passage
    assert text.count(f"**{t('req_need_statement', 'nb')}**") == 3  # a rewrite beside every requirement
    captions = " ".join(c.value for c in at.caption)
    assert "Nærmeste eksempler" not in captions and "ex-0" not in captions  # internal example ids are not shown
    assert at.code and "Vi har behov for" in at.code[0].value  # the suggestion ready to copy
    assert [b.label for b in at.get("download_button")] == [t("req_download", "nb")]


def test_pasted_markup_is_shown_as_text_not_run(env):
    at = open_app("behov")
    at.text_area(key="req_text").set_value('Løsningen skal være Microsoft Teams <img src=x onerror="alert(1)">').run()
    at.button(key="req_analyze").click().run()
    marked = [m.value for m in at.markdown if "<mark" in m.value]
    assert marked and "<img" not in marked[0] and "&lt;img" in marked[0]


def test_an_uploaded_requirement_file_fills_the_text_box(env):
    at = open_app("behov")
    at.file_uploader(key="req_file").set_value(
        ("krav.md", "# Krav\n\n- Bilene skal være Toyota Corolla.\n- Rekkevidde minst 400 km.\n".encode(), "text/markdown")
    ).run()
    assert not at.exception, at.exception
    assert "Toyota Corolla" in at.text_area(key="req_text").value
    at.button(key="req_analyze").click().run()
    assert {m.label: m.value for m in at.metric}[t("req_count", "nb")] == "2"


def test_analysis_markdown_has_findings_rules_sources_and_rewrite(env):
    from advisor.requirements import analyze_text
    from advisor.rewrite import rewrite_requirement
    from advisor.ui import PageContext
    from advisor.ui.requirements_page import result_markdown

    settings = Settings(home=env)
    analyses = analyze_text("Sengene skal ha motorer av typen Linak.", settings)
    text = result_markdown(PageContext(settings, "nb"), analyses, [rewrite_requirement(a.text, settings) for a in analyses])
    assert text.startswith("# Fra løsning til behov")
    assert "> Sengene skal ha motorer av typen Linak." in text
    assert "Løsningsspesifikt" in text and ":red[" not in text
    assert "Regel: FOA § 15-1" in text and "`guide-merkenavn-og-tilsvarende`" in text
    assert "Behovsbeskrivelse:" in text
    assert f"{t('req_legal_basis', 'nb')}:\n- [1] FOA § 15-1" in text  # why, with the guidance passage it rests on


# --- assessment wizard ---------------------------------------------------------------------------------------------


def run_wizard(at: AppTest) -> AppTest:
    """Fill the wizard as a municipality buying zero-emission machines that do not exist yet."""
    at.text_area(key="as_w_need").set_value("Utslippsfrie anleggsmaskiner som ikke finnes i markedet i dag").run()
    at.button(key="as_next_0").click().run()
    at.number_input(key="as_w_estimated_value_nok").set_value(40_000_000).run()
    at.radio(key="as_w_buyer").set_value("municipal").run()
    at.radio(key="as_w_category").set_value("goods").run()
    at.button(key="as_next_1").click().run()
    at.radio(key="as_w_market_has_solution").set_value("no").run()
    for field, value in (("development_needed", "yes"), ("wants_to_buy_result", "yes"),
                         ("can_specify_solution", "no"), ("market_dialogue_done", "yes")):
        at.radio(key=f"as_w_{field}").set_value(value).run()
    at.button(key="as_run").click().run()
    return at


def test_wizard_leads_to_an_assessment_with_part_threshold_procedure_and_sources(env):
    at = run_wizard(open_app("vurdering"))
    assert not at.exception, at.exception
    text = all_markdown(at)
    assert "### Del I og III" in text
    assert "### Innovasjonspartnerskap" in text
    assert "2 300 000 kr ekskl. mva." in "\n".join(texts_of(at.info))  # the threshold with its date
    assert "2024-03-14" in "\n".join(texts_of(at.info))
    assert t("as_next_steps", "nb") in text and t("as_alternatives", "nb") in text
    assert any(m.startswith("**[1] ") for m in texts_of(at.markdown))  # source cards
    labels = [b.label for b in at.get("download_button")]
    assert labels == [t("download_markdown", "nb"), t("download_pdf", "nb")]


def test_wizard_keeps_answers_when_going_back(env):
    at = open_app("vurdering")
    at.text_area(key="as_w_need").set_value("Nytt sak- og arkivsystem").run()
    at.button(key="as_next_0").click().run()
    at.number_input(key="as_w_estimated_value_nok").set_value(900_000).run()
    at.button(key="as_back_1").click().run()
    assert at.text_area(key="as_w_need").value == "Nytt sak- og arkivsystem"
    at.button(key="as_next_0").click().run()
    assert at.number_input(key="as_w_estimated_value_nok").value == 900_000


def test_unanswered_questions_give_a_provisional_assessment_with_assumptions(env):
    at = open_app("vurdering")
    for step in range(3):
        at.button(key="as_run" if step == 2 else f"as_next_{step}").click().run()
    assert not at.exception, at.exception
    text = all_markdown(at)
    assert t("as_assumptions", "nb") in text
    assert t("as_provisional", "nb") in texts_of(at.warning)


def test_example_from_the_case_bank_fills_the_wizard(env):
    at = open_app("vurdering")
    at.selectbox(key="as_example").set_value("case-002").run()
    assert not at.exception, at.exception
    assert "150 bærbare PC-er" in at.text_area(key="as_w_need").value
    at.button(key="as_next_0").click().run()
    assert at.number_input(key="as_w_estimated_value_nok").value == 3_000_000
    assert at.radio(key="as_w_buyer").value == "state"


def test_description_is_read_into_the_later_steps(env):
    at = open_app("vurdering")
    at.text_area(key="as_w_need").set_value("Kommunen skal kjøpe velferdsteknologi for 3 millioner kroner.").run()
    button(at, "as_read_description").click().run()
    assert not at.exception, at.exception
    at.button(key="as_next_0").click().run()
    assert at.number_input(key="as_w_estimated_value_nok").value == 3_000_000
    assert at.radio(key="as_w_buyer").value == "municipal"


def test_audit_pdf_is_a_real_pdf_with_norwegian_letters(env):
    import io

    from pypdf import PdfReader

    from advisor.assessment import assess, to_markdown
    from advisor.ui.pdf import markdown_to_pdf

    assessment = assess({"need": "Pleiesenger til sykehjem", "estimated_value_nok": 2_500_000, "buyer": "municipal",
                         "category": "goods", "market_has_solution": "yes"}, Settings(home=env))
    pdf = markdown_to_pdf(to_markdown(assessment), "Vurdering av anskaffelse", "bunntekst")
    assert pdf.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Vurdering av innovasjonsbehov og prosedyre" in text
    assert "Pleiesenger til sykehjem" in text
    assert "ø" in text and "å" in text


# --- statistics ------------------------------------------------------------------------------------------------


def test_statistics_without_imported_notices_explains_the_import_and_shows_both_notes(env, tmp_path, monkeypatch):
    # no shipped snapshot and an empty store: the page explains the import
    monkeypatch.setattr("advisor.doffin.snapshot.default_snapshot_dir", lambda settings: tmp_path / "no-snapshot")
    monkeypatch.setenv("ADVISOR_HOME", str(tmp_path / "empty-home"))
    at = open_app("statistikk")
    assert any("advisor stats import" in c.value for c in at.code)
    text = all_markdown(at)
    assert "Publiserte tall om offentlige anskaffelser" in text  # stat-publiserte-tall
    assert "Beregnede tall fra Doffin-kunngjøringer" in text  # the shipped computed-figures note
    assert not at.exception


def test_statistics_with_imported_notices_shows_figures_with_coverage(env, tmp_path, monkeypatch):
    from advisor.doffin import import_paths

    home = tmp_path / "stats-home"  # the statistics page needs the notice store, not the search index
    import_paths([str(DOFFIN_DATA)], Settings(home=home), progress=None)
    monkeypatch.setenv("ADVISOR_HOME", str(home))
    at = open_app("statistikk")
    assert not at.exception, at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t("stats_notices", "nb")] == "4"
    assert any("Utvalg, ikke representativt" in w for w in texts_of(at.warning))
    assert at.dataframe  # tables of the figures
    assert any("n = " in c for c in texts_of(at.caption))


def test_statistics_on_a_fresh_home_imports_the_snapshot_and_shows_charts(env, tmp_path, monkeypatch):
    monkeypatch.setenv("ADVISOR_HOME", str(tmp_path / "fresh-home"))
    at = open_app("statistikk")
    assert not at.exception, at.exception
    assert any("Doffin-utdrag importert" in c for c in texts_of(at.caption))
    metrics = {m.label: m.value for m in at.metric}
    assert int(metrics[t("stats_notices", "nb")].replace(" ", "").replace("\xa0", "")) > 3000
    assert len(at.get("image")) == 5  # procedure, CPV, tenders, per year and the innovation chart
    assert t("stats_tab_innovation", "nb") in texts_of(at.subheader)
    assert any("Utvalg, ikke representativt" in w for w in texts_of(at.warning))


def test_requirement_page_shows_similar_doffin_notices_with_links(env):
    at = open_app("behov")
    at.text_area(key="req_text").set_value("Vi trenger vintervedlikehold: brøyting og strøing av kommunale veier.").run()
    at.button(key="req_analyze").click().run()
    assert not at.exception, at.exception
    assert f"**{t('sim_title', 'nb')}**" in texts_of(at.markdown)
    assert any("sammenlignbare kunngjøringer" in m for m in texts_of(at.markdown))
    table = at.dataframe[-1].value
    assert len(table) == 5 and t("col_link", "nb") in table.columns


# --- sources ---------------------------------------------------------------------------------------------------


def test_sources_page_lists_documents_and_says_how_to_enable_upload(env):
    at = open_app("kilder")
    table = at.dataframe[0].value
    assert "meld-st-30-sammendrag" in set(table[t("col_doc_id", "nb")])
    assert "stortingsmelding" in set(table[t("col_authority", "nb")])
    assert t("admin_disabled", "nb") in texts_of(at.info)
    assert not at.get("file_uploader")


def test_wrong_admin_password_is_refused(env, monkeypatch):
    monkeypatch.setenv("ADVISOR_APP_ADMIN_PASSWORD", "riktig-passord")
    at = open_app("kilder")
    at.text_input(key="src_password").set_value("feil")
    button(at, "admin_login").click().run()
    assert t("admin_wrong", "nb") in texts_of(at.error)
    assert not at.get("file_uploader")


def test_admin_uploads_a_document_and_it_is_indexed_and_kept(env, tmp_path, monkeypatch):
    home = tmp_path / "admin-home"
    build_index(Settings(home=home, index={"embedding_backend": "hash"}), progress=False)
    monkeypatch.setenv("ADVISOR_HOME", str(home))
    monkeypatch.setenv("ADVISOR_APP_ADMIN_PASSWORD", "riktig-passord")
    at = open_app("kilder")
    at.text_input(key="src_password").set_value("riktig-passord")
    button(at, "admin_login").click().run()
    assert t("admin_logged_in", "nb") in texts_of(at.success)
    note = "# Rammeavtale for snøbrøyting\n\nKommunen trenger brøyting av gang- og sykkelveier før klokken sju.\n"
    at.get("file_uploader")[0].set_value([("snobroyting.md", note.encode(), "text/markdown"),
                                          ("falsk.pdf", b"<html>ikke pdf</html>", "application/pdf")]).run()
    button(at, "src_upload_button").click().run()
    assert not at.exception, at.exception
    kept = home / "uploads" / "snobroyting.md"
    assert kept.is_file()
    assert any("snobroyting.md" in s for s in texts_of(at.success))
    assert any(e.startswith("falsk.pdf ble ikke lagret") for e in texts_of(at.error))  # refused, named, others saved
    assert not (home / "uploads" / "falsk.pdf").exists()
    titles = set(at.dataframe[0].value[t("col_title", "nb")])
    assert "Rammeavtale for snøbrøyting" in titles  # the new build is what the page shows


def test_admin_reindex_reports_what_it_did(env, monkeypatch):
    monkeypatch.setenv("ADVISOR_APP_ADMIN_PASSWORD", "pw-xyz-admin-2026")
    at = open_app("kilder")
    at.text_input(key="src_password").set_value("pw-xyz-admin-2026")
    button(at, "admin_login").click().run()
    button(at, "src_reindex_button").click().run()
    assert not at.exception, at.exception
    assert any(s.startswith("Ingenting er endret") for s in texts_of(at.info))


# --- course --------------------------------------------------------------------------------------------------------

TRAINER_PASSWORD = "kursleder-passord-7"
PROCEDURE_TAB = t("course_tab_case", "nb")


@pytest.fixture
def course_env(env, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The course page in a state folder of its own (classes and results), with trainer mode switched on."""
    home = tmp_path / "course-home"
    monkeypatch.setenv("ADVISOR_HOME", str(home))
    monkeypatch.setenv("ADVISOR_APP_TRAINER_PASSWORD", TRAINER_PASSWORD)
    return home


def open_course(tab: str | None = None, **params: str) -> AppTest:
    """The course page as a participant opens it from a link (?side=kurs&kurs=...&deltaker=...)."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params.update({"side": "kurs", **params})
    at.run()
    assert not at.exception, at.exception
    if tab:
        at.session_state["course_tab"] = tab  # what a click on the tab sets
        at.run()
    return at


def answer_case(at: AppTest, case_id: str, regime: str, part: str, innovative: bool, procedure: str) -> AppTest:
    at.radio(key=f"course_regime_{case_id}").set_value(regime)
    at.radio(key=f"course_part_{case_id}").set_value(part)
    at.radio(key=f"course_innovative_{case_id}").set_value(innovative)
    at.radio(key=f"course_procedure_{case_id}").set_value(procedure)
    button(at, "course_check", which=-1).click().run()
    assert not at.exception, at.exception
    return at


def trainer_login(at: AppTest) -> AppTest:
    at.text_input(key="course_trainer_password").set_value(TRAINER_PASSWORD)
    button(at, "admin_login").click().run()
    assert not at.exception, at.exception
    assert t("trainer_logged_in", "nb") in texts_of(at.success)
    return at


def test_case_exercise_compares_the_choice_with_the_model_answer_and_the_engine(course_env):
    at = open_course(PROCEDURE_TAB)
    at.selectbox(key="course_case").set_value("case-001").run()
    answer_case(at, "case-001", "ordinary", "III", True, "innovation_partnership")
    assert texts_of(at.success) == [t("course_result_right", "nb")]
    text = all_markdown(at)
    assert "Vurderingsmotoren anbefaler" in text and t("course_engine_agrees", "nb") in text
    assert t("course_reasoning", "nb") in text
    assert "[guide-" not in text  # the sources by title, not raw ids
    assert "[1] **Terskelverdier og forskriftens deler**" in text and "del III gjelder \\[1\\]" in text


def test_a_pre_commercial_case_can_be_answered_right_with_the_fou_exemption(course_env):
    at = open_course(PROCEDURE_TAB)
    at.selectbox(key="course_case").set_value("case-019").run()
    assert t("regime_exempt_rd", "nb") in at.radio(key="course_regime_case-019").options
    answer_case(at, "case-019", "exempt_rd", "III", True, "pcp")
    assert texts_of(at.success) == [t("course_result_right", "nb")]


def test_feedback_stays_on_the_procedure_tab_and_the_score_line_is_never_one_answer_behind(course_env):
    at = open_course(PROCEDURE_TAB)
    at.selectbox(key="course_case").set_value("case-002").run()
    answer_case(at, "case-002", "ordinary", "III", False, "open")
    assert at.session_state["course_tab"] == PROCEDURE_TAB  # the first answer does not send us to the need tab
    assert texts_of(at.success) == [t("course_result_right", "nb")]  # and the feedback is there
    assert t("course_score_session", "nb", done=1, right=1) in texts_of(at.caption)
    at.selectbox(key="course_case").set_value("case-003").run()
    answer_case(at, "case-003", "ordinary", "II", False, "open")  # part II is wrong: 1.49 MNOK is part III
    assert t("course_score_session", "nb", done=2, right=1) in texts_of(at.caption)
    assert texts_of(at.error) == [t("course_result_partly", "nb", right=3, total=4)]


def test_nonsense_and_vague_need_statements_fail_with_a_reason(course_env):
    at = open_course()
    at.selectbox(key="course_example").set_value("ex-001").run()
    at.text_area(key="course_need_ex-001").set_value("asdf qwerty").run()
    button(at, "course_check").click().run()
    assert not at.exception, at.exception
    assert texts_of(at.error) == [t("course_need_nonsense", "nb", reason=t("need_substance_too_short", "nb", words=2))]
    at.text_area(key="course_need_ex-001").set_value("Vi trenger gode senger.").run()
    button(at, "course_check").click().run()
    assert texts_of(at.error) == [t("course_need_failed", "nb", n=2, total=6)]
    text = all_markdown(at)
    assert t("need_missing_outcome", "nb") in text and t("need_missing_measurable", "nb") in text
    assert "pleiesenger som kan heves og senkes" in text  # the model answer beside it


def test_a_need_statement_that_meets_the_checklist_passes_and_a_brand_is_named(course_env):
    at = open_course()
    at.selectbox(key="course_example").set_value("ex-001").run()
    at.text_area(key="course_need_ex-001").set_value(
        "Pleierne må kunne heve og senke sengen trygt på under 10 sekunder, slik at de unngår belastningsskader.").run()
    button(at, "course_check").click().run()
    assert texts_of(at.success) == [t("course_need_passed", "nb")]
    at.text_area(key="course_need_ex-001").set_value(
        "Pleierne må kunne heve sengen på under 10 sekunder med motorer fra Linak, slik at de unngår skader.").run()
    button(at, "course_check").click().run()
    assert t("need_missing_no_brand", "nb", found="«Linak»") in all_markdown(at)
    assert any("<mark" in m for m in texts_of(at.markdown))  # the analyzer's marks in the text


def test_participants_have_no_switch_for_the_model_answers(course_env):
    at = open_course(PROCEDURE_TAB)
    assert "course_hide" not in [tg.key for tg in at.toggle]
    at.query_params["fasit"] = "skjult"  # a trainer's link can hide them on a screen
    at.run()
    answer_case(at, "case-001", "ordinary", "III", True, "innovation_partnership")
    assert t("course_answers_hidden", "nb") in texts_of(at.info)
    assert "Vurderingsmotoren anbefaler" not in all_markdown(at)


def test_trainer_runs_a_class_hides_answers_and_exports_results_that_survive_a_reload(course_env):
    trainer = open_course()
    trainer_login(trainer)
    trainer.text_input(key="course_class_name").set_value("Innkjøpskurs Bergen")
    button(trainer, "course_class_create").click().run()
    code = trainer.session_state["course_trainer_class"]
    assert any(code in s for s in texts_of(trainer.success))
    trainer.toggle(key="course_hide").set_value(True).run()

    kari = open_course(PROCEDURE_TAB, kurs=code)
    assert "course_hide" not in [tg.key for tg in kari.toggle]
    kari.text_input(key="course_name").set_value("Kari")
    button(kari, "course_join").click().run()
    token = kari.session_state["course_participant"]
    assert kari.query_params["deltaker"] == token  # the link now brings her back
    answer_case(kari, "case-001", "ordinary", "III", True, "innovation_partnership")
    assert t("course_answers_hidden", "nb") in texts_of(kari.info)  # the class hides them: no way around it
    assert "Vurderingsmotoren anbefaler" not in all_markdown(kari)

    reloaded = open_course(kurs=code, deltaker=token)  # a reload: new session, same link
    assert t("course_you_are", "nb", name="Kari") in texts_of(reloaded.markdown)
    assert t("course_score", "nb", done=1, right=1) in texts_of(reloaded.caption)

    trainer.run()
    table = trainer.dataframe[0].value
    assert list(table[t("col_participant", "nb")]) == ["Kari"] and list(table[t("col_correct", "nb")]) == [1]
    export = [d for d in trainer.get("download_button") if d.proto.label == t("course_export_csv", "nb")]
    assert export, "the trainer can download the class's results"


def test_trainer_mode_is_off_without_a_trainer_password_and_refuses_a_wrong_one(course_env, monkeypatch):
    at = open_course()
    at.text_input(key="course_trainer_password").set_value("feil-passord-99")
    button(at, "admin_login").click().run()
    assert t("admin_wrong", "nb") in texts_of(at.error)
    monkeypatch.delenv("ADVISOR_APP_TRAINER_PASSWORD")
    at = open_course()
    assert t("trainer_disabled", "nb") in texts_of(at.info)


def test_a_trainer_case_the_engine_disagrees_with_is_a_discussion_case_with_the_engines_reasoning(course_env):
    from advisor.course import material_dir

    folder = material_dir(Settings(home=course_env))
    folder.mkdir(parents=True)
    (folder / "kurs.yaml").write_text(
        (PROJECT_ROOT / "tests" / "data" / "course" / "discussion.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    at = open_course(PROCEDURE_TAB)
    at.selectbox(key="course_case").set_value("kurs-vaskeri").run()
    answer_case(at, "kurs-vaskeri", "ordinary", "III", False, "innovation_partnership")
    assert any(w.startswith("Diskusjonscase") for w in texts_of(at.warning))
    assert t("course_engine_reasoning", "nb") in all_markdown(at)
