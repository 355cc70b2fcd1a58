"""Kurs: the need exercise and the procedure exercise, for participants; the trainer's panel is course_trainer.py.

Everything the page decides comes from advisor.course: the checklist grade of a need statement, the model answer
and the engine's view of a case, the results store. Checks run in button callbacks, before the page is drawn, so
the score line and the feedback on one run always agree. The two exercises are keyed tabs: the open tab survives
reruns (before, the score line appearing above the tabs reset them to the first one and hid the feedback).

URL: ?side=kurs&kurs=<class code>&deltaker=<participant token>&fasit=skjult (hide the model answers on this screen).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import streamlit as st

from advisor.assessment import PROCEDURES, procedure_label
from advisor.course import (
    CHECKS,
    NO_CLASS,
    PARTS,
    QUESTIONS,
    REGIMES,
    CourseCase,
    CourseClass,
    CourseMaterial,
    NeedExercise,
    NeedGrade,
    Participant,
    ResultStore,
    check_code,
    cite_reasoning,
    exercise_key,
    grade_case_answer,
    grade_need,
)
from advisor.errors import AdvisorError, InvalidInput
from advisor.ui import cases, course_trainer
from advisor.ui.assessment_view import show_assessment
from advisor.ui.cards import citation_meta, md_escape, source_card
from advisor.ui.context import PageContext
from advisor.ui.highlight import category_label, show_findings

PARTICIPANT_KEY = "course_participant"
RESULTS_KEY = "course_results"  # exercise key -> right, for a session without a name
ERROR_KEY = "course_error"
HIDDEN_VALUES = ("skjult", "skjul", "hidden", "hide", "1", "true")
MARK = {True: "✓", False: "✗", None: "–"}  # plain characters: every font has them, no emoji font needed


# --- session, class and participant ----------------------------------------------------------------------------------


def _safely(action: Callable[..., None], *args: Any) -> None:
    """Run a callback's work; an AdvisorError is kept and shown on the page (callbacks run before the page does)."""
    try:
        action(*args)
    except AdvisorError as exc:
        st.session_state[ERROR_KEY] = str(exc)


def _url_class(ctx: PageContext, store: ResultStore) -> CourseClass | None:
    raw = st.query_params.get("kurs")
    if not raw:
        return None
    try:
        return store.get_class(check_code(raw))
    except InvalidInput:
        st.warning(ctx.t("course_unknown_class", code=str(raw)[:20]))
        return None


def _join(ctx: PageContext, store: ResultStore, class_code: str) -> None:
    name = st.session_state.get("course_name", "")
    person = store.join(class_code, name)
    st.session_state[PARTICIPANT_KEY] = person.token
    st.query_params["deltaker"] = person.token
    if class_code:
        st.query_params["kurs"] = class_code


def _leave() -> None:
    st.session_state[PARTICIPANT_KEY] = None
    st.session_state[RESULTS_KEY] = {}
    if "deltaker" in st.query_params:
        del st.query_params["deltaker"]


def _participant(ctx: PageContext, store: ResultStore, url_class: CourseClass | None) -> Participant | None:
    """Who is answering: the participant in the session or the link, else a form to give a name."""
    token = st.session_state.get(PARTICIPANT_KEY) or st.query_params.get("deltaker")
    if token:
        try:
            person = store.participant(token)
        except InvalidInput:
            st.warning(ctx.t("course_unknown_participant"))
            _leave()
        else:
            st.session_state[PARTICIPANT_KEY] = person.token
            if st.query_params.get("deltaker") != person.token:
                st.query_params["deltaker"] = person.token
            cols = st.columns([4, 1], vertical_alignment="center")
            cols[0].markdown(ctx.t("course_you_are", name=md_escape(person.name)))
            cols[1].button(ctx.t("course_leave"), key="course_leave", on_click=_leave, icon=":material/logout:")
            return person
    class_code = url_class.code if url_class else NO_CLASS
    with st.form("course_join_form", border=False):
        cols = st.columns([4, 2], vertical_alignment="bottom")
        cols[0].text_input(ctx.t("course_join_name"), key="course_name", max_chars=60, help=ctx.t("course_join_help"),
                           placeholder=ctx.t("course_join_why"))
        cols[1].form_submit_button(ctx.t("course_join"), on_click=_safely, args=(_join, ctx, store, class_code),
                                   icon=":material/save:")
    return None


def _record(ctx: PageContext, person: Participant | None, kind: str, exercise_id: str, correct: bool,
            answer: dict[str, Any]) -> None:
    key = exercise_key(kind, exercise_id)
    st.session_state.setdefault(RESULTS_KEY, {})[key] = correct
    if person is not None:
        cases.results_store(ctx.settings).record(person, key, kind, correct, answer)


def _score_line(ctx: PageContext, store: ResultStore, person: Participant | None) -> None:
    if person is not None:
        results = store.results(participant=person.token)
        if results:
            st.caption(ctx.t("course_score", done=len(results), right=sum(r.latest_correct for r in results)))
        return
    session = st.session_state.get(RESULTS_KEY) or {}
    if session:
        st.caption(ctx.t("course_score_session", done=len(session), right=sum(session.values())))


def _random(key: str, ids: list[str]) -> None:
    current = st.session_state.get(key)
    choices = [i for i in ids if i != current] or ids
    st.session_state[key] = random.choice(choices)


def _show_error(ctx: PageContext) -> None:
    error = st.session_state.pop(ERROR_KEY, None)
    if error:
        st.error(ctx.t("error_prefix", error=error), icon=":material/error:")


def render(ctx: PageContext) -> None:
    """Participant bar, the trainer's panel, then the score line and the two exercises as keyed tabs."""
    st.title(ctx.t("course_title"))
    st.caption(ctx.t("course_intro"))
    store = cases.results_store(ctx.settings)
    material = cases.course_material(ctx.settings)
    _show_error(ctx)
    url_class = _url_class(ctx, store)
    person = _participant(ctx, store, url_class)
    klass = url_class
    if person is not None and person.class_code:
        try:
            klass = store.get_class(person.class_code)
        except InvalidInput:  # the trainer deleted the class: the participant can go on practising
            klass = None
    if klass is not None:
        st.caption(ctx.t("course_class_banner", name=md_escape(klass.name), code=klass.code))
    with st.expander(ctx.t("course_trainer"), icon=":material/co_present:"):
        trainer_class = course_trainer.panel(ctx, store, material)
    if ctx.lang != "nb":
        st.caption(ctx.t("content_in_norwegian"))
    _exercises(ctx, material, person, trainer_class or klass)


# A fragment: a check or a tab switch reruns only the exercises and the score line above them, not the sidebar, the
# participant bar and the trainer's panel. With twenty participants pressing "Sjekk svaret" together this is most
# of what keeps a check fast. Everything a check changes (score, feedback, hidden answers) is drawn inside it.
@st.fragment
def _exercises(ctx: PageContext, material: CourseMaterial, person: Participant | None,
               klass: CourseClass | None) -> None:
    store = cases.results_store(ctx.settings)
    _show_error(ctx)
    hidden = course_trainer.answers_hidden(ctx, store, klass)
    hidden = hidden or str(st.query_params.get("fasit", "")).lower() in HIDDEN_VALUES
    _score_line(ctx, store, person)
    need_tab, case_tab = st.tabs([ctx.t("course_tab_need"), ctx.t("course_tab_case")], key="course_tab",
                                 on_change="rerun")
    if need_tab.open:
        with need_tab:
            _need_exercise(ctx, material.exercises, person, hidden)
    if case_tab.open:
        with case_tab:
            _case_exercise(ctx, material.cases, person, hidden)


# --- from solution to need -------------------------------------------------------------------------------------------


def _check_need(ctx: PageContext, exercise: NeedExercise, person: Participant | None) -> None:
    text = st.session_state.get(f"course_need_{exercise.id}") or ""
    if not text.strip():
        st.session_state[f"course_need_grade_{exercise.id}"] = None
        st.session_state[f"course_need_empty_{exercise.id}"] = True
        return
    grade = grade_need(text, exercise.original, ctx.settings)
    st.session_state[f"course_need_grade_{exercise.id}"] = grade
    st.session_state[f"course_need_empty_{exercise.id}"] = False
    _record(ctx, person, "need", exercise.id, grade.passed, {"text": text, "missing": grade.missing})


def _exercise_label(ctx: PageContext, exercise: NeedExercise) -> str:
    label = f"{exercise.id} · {exercise.domain or '–'}"
    return label + f" ({ctx.t('course_trainer_exercise')})" if exercise.origin == "trainer" else label


def _need_exercise(ctx: PageContext, exercises: list[NeedExercise], person: Participant | None, hidden: bool) -> None:
    if not exercises:
        st.info(ctx.t("course_no_material", file="corpus/examples/requirements.yaml"))
        return
    by_id = {e.id: e for e in exercises}
    ids = list(by_id)
    if st.session_state.get("course_example") not in by_id:
        st.session_state["course_example"] = ids[0]
    cols = st.columns([5, 1], vertical_alignment="bottom")
    cols[0].selectbox(ctx.t("course_pick_example"), ids, key="course_example",
                      format_func=lambda i: _exercise_label(ctx, by_id[i]))
    cols[1].button(ctx.t("course_random"), key="course_example_random", on_click=_random, args=("course_example", ids),
                   icon=":material/shuffle:")
    exercise = by_id[st.session_state["course_example"]]
    with st.container(border=True):
        st.caption(ctx.t("course_original") + " · " + ctx.t("course_domain", domain=exercise.domain or "–"))
        st.markdown(f"> {md_escape(exercise.original)}")
    st.text_area(ctx.t("course_write_need"), key=f"course_need_{exercise.id}", help=ctx.t("course_write_need_help"),
                 height=120, max_chars=4000)
    st.button(ctx.t("course_check"), key=f"course_need_check_{exercise.id}", type="primary",
              on_click=_safely, args=(_check_need, ctx, exercise, person))
    if st.session_state.get(f"course_need_empty_{exercise.id}"):
        st.warning(ctx.t("course_pick_first"))
    grade = st.session_state.get(f"course_need_grade_{exercise.id}")
    if grade is not None:
        left, right = st.columns(2, gap="large")
        with left:
            _need_grade(ctx, grade, key=f"course_f_{exercise.id}")
        with right:
            _need_model_answer(ctx, exercise, hidden)


def _check_line(ctx: PageContext, check) -> str:
    title = ctx.t(f"need_check_{check.id}")
    if check.passed is None:
        return f"{MARK[None]} {title} · {ctx.t('need_not_graded')}"
    if check.passed:
        found = ", ".join(f"«{md_escape(f)}»" for f in check.found[:4])
        return f"{MARK[True]} **{title}**" + (f" · {ctx.t('need_found', found=found)}" if found else "")
    return f"{MARK[False]} **{title}**  \n{_missing_text(ctx, check)}"


def _missing_text(ctx: PageContext, check) -> str:
    if check.id == "substance":
        return _substance_reason(ctx, check)
    if check.id == "problem_and_who":
        return " ".join(ctx.t(f"need_missing_{part}") for part in check.detail.get("missing", ()))
    if check.id == "no_brand":
        return ctx.t("need_missing_no_brand", found=", ".join(f"«{md_escape(f)}»" for f in check.found))
    if check.id == "own_words":
        return ctx.t("need_missing_own_words", similarity=round(100 * float(check.detail.get("similarity", 0))))
    return ctx.t(f"need_missing_{check.id}")


def _substance_reason(ctx: PageContext, check) -> str:
    if check.detail.get("reason") == "too_short":
        return ctx.t("need_substance_too_short", words=check.detail.get("words", 0))
    return ctx.t("need_substance_not_words", found=md_escape(", ".join(check.found[:4])))


def _need_grade(ctx: PageContext, grade: NeedGrade, key: str) -> None:
    st.markdown(f"**{ctx.t('course_your_answer')}**")
    substance = grade.check("substance")
    if not substance.passed:
        st.error(ctx.t("course_need_nonsense", reason=_substance_reason(ctx, substance)), icon=":material/block:")
    elif grade.passed:
        st.success(ctx.t("course_need_passed"), icon=":material/check_circle:")
    else:
        st.error(ctx.t("course_need_failed", n=len(grade.missing), total=len(CHECKS)), icon=":material/cancel:")
    st.markdown(f"*{ctx.t('course_checklist')}*")
    st.markdown("\n\n".join(_check_line(ctx, check) for check in grade.checks))
    if grade.advice:
        st.caption(ctx.t("course_need_advice", found=", ".join(f"«{md_escape(a)}»" for a in grade.advice)))
    if grade.findings:
        st.markdown(ctx.t("course_need_findings", n=len(grade.findings)))
        show_findings(grade.text, list(grade.findings), ctx.lang, key=key, citations=False)


def _need_model_answer(ctx: PageContext, exercise: NeedExercise, hidden: bool) -> None:
    st.markdown(f"**{ctx.t('course_model_answer')}**")
    if hidden:
        st.info(ctx.t("course_answers_hidden"), icon=":material/visibility_off:")
        return
    with st.container(border=True):
        st.markdown(f"**{ctx.t('req_need_statement')}**")
        st.markdown(md_escape(exercise.need_statement))
        if exercise.requirements:
            st.markdown(f"**{ctx.t('req_functional')}**")
            st.markdown("\n".join(f"- {md_escape(r)}" for r in exercise.requirements))
        if exercise.market_questions:
            st.markdown(f"**{ctx.t('req_market_questions')}**")
            st.markdown("\n".join(f"- {md_escape(q)}" for q in exercise.market_questions))
        if exercise.why:
            st.markdown(f"**{ctx.t('course_why')}**")
            st.markdown(md_escape(exercise.why))
        if exercise.problems:
            st.caption(ctx.t("course_problems") + ": " + ", ".join(category_label(p, ctx.lang) for p in exercise.problems))


# --- choose the procedure ------------------------------------------------------------------------------------------


def _proc_name(ctx: PageContext, procedure: str, part: str | None = None) -> str:
    """A procedure's name. Without a part it is the generic name: the choices must not give away the part
    (in Norwegian «anbudskonkurranse» means part III and «tilbudskonkurranse» part II)."""
    if ctx.lang == "nb" and part:
        label = procedure_label(procedure, part)
        return label[0].upper() + label[1:]
    return ctx.t(f"proc_{procedure}")


def _case_label(ctx: PageContext, case: CourseCase) -> str:
    label = f"{case.id} · {case.title}"
    if case.origin == "trainer":
        tag = ctx.t("course_discussion_tag") if case.is_discussion else ctx.t("course_trainer_case")
        label += f" ({tag})"
    return label


def _check_case(ctx: PageContext, case: CourseCase, person: Participant | None) -> None:
    cid = case.id
    answer = {q: st.session_state.get(f"course_{q}_{cid}") for q in QUESTIONS}
    if any(value is None for value in answer.values()):
        st.session_state[f"course_case_result_{cid}"] = None
        st.session_state[f"course_case_incomplete_{cid}"] = True
        return
    grade = grade_case_answer(case.expected, answer)
    st.session_state[f"course_case_result_{cid}"] = (answer, grade)
    st.session_state[f"course_case_incomplete_{cid}"] = False
    _record(ctx, person, "case", cid, grade.correct, {**answer, "right": grade.right})


def _case_exercise(ctx: PageContext, bank: list[CourseCase], person: Participant | None, hidden: bool) -> None:
    if not bank:
        st.info(ctx.t("course_no_material", file="corpus/cases/cases.yaml"))
        return
    by_id = {c.id: c for c in bank}
    ids = list(by_id)
    if st.session_state.get("course_case") not in by_id:
        st.session_state["course_case"] = ids[0]
    cols = st.columns([5, 1], vertical_alignment="bottom")
    cols[0].selectbox(ctx.t("course_pick_case"), ids, key="course_case", format_func=lambda i: _case_label(ctx, by_id[i]))
    cols[1].button(ctx.t("course_random"), key="course_case_random", on_click=_random, args=("course_case", ids),
                   icon=":material/shuffle:")
    case = by_id[st.session_state["course_case"]]
    with st.container(border=True):
        st.caption(ctx.t("course_situation"))
        st.markdown(md_escape(case.situation))
    cid = case.id
    with st.form(f"course_case_form_{cid}", border=False):
        st.radio(ctx.t("course_choose_regime"), REGIMES, key=f"course_regime_{cid}", index=None,
                 format_func=lambda r: ctx.t(f"regime_{r}"))
        st.radio(ctx.t("course_choose_part"), PARTS, key=f"course_part_{cid}", index=None, horizontal=True,
                 format_func=lambda p: ctx.t(f"part_{p}"))
        st.radio(ctx.t("course_choose_innovative"), (True, False), key=f"course_innovative_{cid}", index=None,
                 horizontal=True, format_func=lambda v: ctx.t("tri_yes") if v else ctx.t("tri_no"))
        st.radio(ctx.t("course_choose_procedure"), PROCEDURES, key=f"course_procedure_{cid}", index=None,
                 format_func=lambda p: _proc_name(ctx, p))
        st.form_submit_button(ctx.t("course_check"), type="primary", on_click=_safely, args=(_check_case, ctx, case, person))
    if st.session_state.get(f"course_case_incomplete_{cid}"):
        st.warning(ctx.t("course_answer_all"))
    result = st.session_state.get(f"course_case_result_{cid}")
    if result:
        _case_feedback(ctx, case, *result, hidden=hidden)


def _case_feedback(ctx: PageContext, case: CourseCase, answer: dict[str, Any], grade, hidden: bool) -> None:
    right = sum(1 for value in grade.right.values() if value)
    if grade.correct:
        st.success(ctx.t("course_result_right"), icon=":material/check_circle:")
    else:
        st.error(ctx.t("course_result_partly", right=right, total=len(QUESTIONS)), icon=":material/cancel:")
    if hidden:
        st.info(ctx.t("course_answers_hidden"), icon=":material/visibility_off:")
        return
    expected = case.expected
    yes_no = {True: ctx.t("yes"), False: ctx.t("no"), None: "–"}
    lines = [
        (grade.right["regime"], ctx.t("course_regime_check", given=ctx.t(f"regime_{answer['regime']}"),
                                      expected=ctx.t(f"regime_{expected.regime}"))),
        (grade.right["part"], ctx.t("course_part_check", given=ctx.t(f"part_{answer['part']}"),
                                    expected=ctx.t(f"part_{expected.part}"))),
        (grade.right["innovative"], ctx.t("course_innovative_check", given=yes_no[answer["innovative"]],
                                          expected=yes_no[expected.innovative])),
        (grade.right["procedure"], ctx.t("course_procedure_check", given=_proc_name(ctx, answer["procedure"]),
                                         expected=_proc_name(ctx, expected.procedure, expected.part))),
    ]
    st.markdown("\n\n".join(f"{MARK[ok]} {text}" for ok, text in lines))
    if grade.right["procedure"] and not grade.best_procedure:
        st.info(ctx.t("course_acceptable", expected=_proc_name(ctx, expected.procedure, expected.part)))
    if case.is_discussion and case.engine is not None:
        st.warning(ctx.t("course_discussion", what=_differences(ctx, case.engine.differences)),
                   icon=":material/forum:")
    _model_answer(ctx, case)
    _engine(ctx, case)


def _differences(ctx: PageContext, questions) -> str:
    return ", ".join(ctx.t(f"q_{q}") for q in questions)


def _model_answer(ctx: PageContext, case: CourseCase) -> None:
    with st.expander(ctx.t("course_model_answer"), expanded=True, icon=":material/check_circle:"):
        cited = case.cited or cite_reasoning(case.reasoning, case.sources, ctx.settings)
        if cited.text:
            st.markdown(f"**{ctx.t('course_reasoning')}**")
            st.markdown(md_escape(cited.text))
        if not cited.citations:
            return
        st.markdown(f"**{ctx.t('course_sources_title', n=len(cited.citations))}**  \n" + "  \n".join(
            f"[{c.n}] **{md_escape(c.title)}** · {md_escape(citation_meta(c, ctx.lang))}" for c in cited.citations))
        # The passages are drawn when asked for: most participants read the titles, and each card is work.
        passages = st.expander(ctx.t("course_show_passages"), key=f"course_passages_{case.id}", on_change="rerun")
        if passages.open:
            with passages:
                for citation in cited.citations:
                    source_card(citation, ctx.lang, expanded_chars=300)


def _engine(ctx: PageContext, case: CourseCase) -> None:
    view, result = case.engine, case.assessment
    if view is None or result is None:
        return
    st.markdown(f"#### {ctx.t('course_engine')}")
    st.markdown(ctx.t("course_engine_says", label=_proc_name(ctx, view.procedure, view.part), part=result.part_label,
                      regime=ctx.t(f"regime_{view.regime}"),
                      innovative=ctx.t("yes") if view.innovative else ctx.t("no")))
    if view.agrees:
        st.caption(ctx.t("course_engine_agrees"))
    else:
        if not case.is_discussion:
            st.warning(ctx.t("course_engine_disagrees", what=_differences(ctx, view.differences)))
        st.markdown(f"**{ctx.t('course_engine_reasoning')}**")
        reasons = [result.part_reason, *(text for text in result.procedure_reasons)]
        st.markdown("\n".join(f"- {md_escape(str(r))}" for r in reasons if r))
    # Drawn only when opened: the full assessment (tables, every cited passage) is most of a check's work, and a
    # class of twenty pressing "Sjekk svaret" together would otherwise each pay for it.
    details = st.expander(ctx.t("course_engine_details"), key=f"course_engine_open_{case.id}", on_change="rerun")
    if details.open:
        with details:
            show_assessment(ctx, result, downloads=False, key=f"course_as_{case.id}")
