"""Kurs (trainer mode): exercises from the worked requirement examples and the case bank.

Need exercise: the trainee rewrites a solution-specific requirement as a need; the requirement analyzer gives
feedback on solution-specific wording left in it; then the model answer. Procedure exercise: the trainee picks
part, innovation and procedure for a case; the answer is compared with the case's expected answer and with the
assessment engine (advisor.assessment.assess). The trainer can hide model answers and reset the session.
"""

from __future__ import annotations

import random
from typing import Any

import streamlit as st

from advisor.assessment import PROCEDURES, assess, procedure_label
from advisor.requirements import analyze_requirement
from advisor.ui import cases
from advisor.ui.assessment_view import show_assessment
from advisor.ui.cards import md_escape
from advisor.ui.context import PageContext
from advisor.ui.highlight import category_label, show_findings

HIDE_KEY = "course_hide"
RESULTS_KEY = "course_results"
PARTS = ("below", "I", "II", "III", "IV", "referred")  # every part the assessment engine can answer
HIDDEN_VALUES = ("skjult", "skjul", "hidden", "hide", "1", "true")


def _hidden() -> bool:
    return bool(st.session_state.get(HIDE_KEY))


def _reset() -> None:
    keep = st.session_state.get(HIDE_KEY)
    for key in list(st.session_state):
        if isinstance(key, str) and key.startswith("course_"):
            del st.session_state[key]
    st.session_state[HIDE_KEY] = keep
    st.session_state["course_was_reset"] = True


def _record(exercise: str, correct: bool) -> None:
    st.session_state.setdefault(RESULTS_KEY, {})[exercise] = correct


def _random(key: str, ids: list[str]) -> None:
    current = st.session_state.get(key)
    choices = [i for i in ids if i != current] or ids
    st.session_state[key] = random.choice(choices)


def render(ctx: PageContext) -> None:
    """Trainer controls, then the two exercises as tabs."""
    st.title(ctx.t("course_title"))
    st.caption(ctx.t("course_intro"))
    if HIDE_KEY not in st.session_state:
        st.session_state[HIDE_KEY] = str(st.query_params.get("fasit", "")).lower() in HIDDEN_VALUES
    with st.expander(ctx.t("course_trainer"), icon=":material/co_present:"):
        st.toggle(ctx.t("course_hide_answers"), key=HIDE_KEY, help=ctx.t("course_hide_answers_help"))
        st.button(ctx.t("course_reset"), on_click=_reset, icon=":material/restart_alt:")
        if st.session_state.pop("course_was_reset", False):
            st.success(ctx.t("course_reset_done"))
    results = st.session_state.get(RESULTS_KEY, {})
    if results:
        st.caption(ctx.t("course_score", done=len(results), right=sum(results.values())))
    if ctx.lang != "nb":
        st.caption(ctx.t("content_in_norwegian"))
    need_tab, case_tab = st.tabs([ctx.t("course_tab_need"), ctx.t("course_tab_case")])
    with need_tab:
        _need_exercise(ctx)
    with case_tab:
        _case_exercise(ctx)


# --- from solution to need ---------------------------------------------------------------------------------


def _need_exercise(ctx: PageContext) -> None:
    examples = cases.worked_examples(ctx.settings)
    if not examples:
        st.info(ctx.t("course_no_material", file="corpus/examples/requirements.yaml"))
        return
    by_id = {e.id: e for e in examples}
    ids = list(by_id)
    cols = st.columns([5, 1], vertical_alignment="bottom")
    cols[0].selectbox(ctx.t("course_pick_example"), ids, key="course_example",
                      format_func=lambda i: f"{i} · {by_id[i].domain}")
    cols[1].button(ctx.t("course_random"), key="course_example_random", on_click=_random, args=("course_example", ids),
                   icon=":material/shuffle:")
    example = by_id[st.session_state.get("course_example") or ids[0]]
    with st.container(border=True):
        st.caption(ctx.t("course_original") + " · " + ctx.t("course_domain", domain=example.domain or "–"))
        st.markdown(f"> {md_escape(example.original)}")
    answer_key = f"course_need_{example.id}"
    text = st.text_area(ctx.t("course_write_need"), key=answer_key, help=ctx.t("course_write_need_help"), height=120)
    checked_key = f"course_need_checked_{example.id}"
    if st.button(ctx.t("course_check"), key=f"course_need_check_{example.id}", type="primary"):
        if not text.strip():
            st.warning(ctx.t("course_pick_first"))
        else:
            st.session_state[checked_key] = text
    checked = st.session_state.get(checked_key)
    if not checked:
        return
    findings = analyze_requirement(checked, ctx.settings).findings
    _record(f"need:{example.id}", not findings)
    if findings:
        st.warning(ctx.t("course_need_findings", n=len(findings)))
        show_findings(checked, findings, ctx.lang, key=f"course_f_{example.id}", citations=False)
    else:
        st.success(ctx.t("course_need_clean"))
    _need_model_answer(ctx, example)


def _need_model_answer(ctx: PageContext, example: Any) -> None:
    if _hidden():
        st.info(ctx.t("course_answers_hidden"), icon=":material/visibility_off:")
        return
    with st.expander(ctx.t("course_model_answer"), expanded=True, icon=":material/check_circle:"):
        if example.need_statement:
            st.markdown(f"**{ctx.t('req_need_statement')}**")
            st.markdown(md_escape(example.need_statement))
        if example.requirements:
            st.markdown(f"**{ctx.t('req_functional')}**")
            st.markdown("\n".join(f"- {md_escape(r)}" for r in example.requirements))
        if example.market_questions:
            st.markdown(f"**{ctx.t('req_market_questions')}**")
            st.markdown("\n".join(f"- {md_escape(q)}" for q in example.market_questions))
        if example.why:
            st.markdown(f"**{ctx.t('course_why')}**")
            st.markdown(md_escape(example.why))
        if example.problems:
            st.caption(ctx.t("course_problems") + ": " + ", ".join(category_label(p, ctx.lang) for p in example.problems))
        original = analyze_requirement(example.original, ctx.settings).findings
        if original:
            st.markdown(f"**{ctx.t('course_analyzer_on_original')}**")
            show_findings(example.original, original, ctx.lang, key=f"course_o_{example.id}", citations=False)


# --- choose the procedure ------------------------------------------------------------------------------------


def _proc_name(ctx: PageContext, procedure: str, part: str | None = None) -> str:
    """A procedure's name. Without a part it is the generic name: the choices must not give away the part
    (in Norwegian «anbudskonkurranse» means part III and «tilbudskonkurranse» part II)."""
    if ctx.lang == "nb" and part:
        label = procedure_label(procedure, part)
        return label[0].upper() + label[1:]
    return ctx.t(f"proc_{procedure}")


def _case_exercise(ctx: PageContext) -> None:
    bank = cases.load_cases(ctx.settings)
    if not bank:
        st.info(ctx.t("course_no_material", file="corpus/cases/cases.yaml"))
        return
    by_id = {c["id"]: c for c in bank}
    ids = list(by_id)
    cols = st.columns([5, 1], vertical_alignment="bottom")
    cols[0].selectbox(ctx.t("course_pick_case"), ids, key="course_case",
                      format_func=lambda i: f"{i} · {by_id[i].get('title', '')}")
    cols[1].button(ctx.t("course_random"), key="course_case_random", on_click=_random, args=("course_case", ids),
                   icon=":material/shuffle:")
    case = by_id[st.session_state.get("course_case") or ids[0]]
    with st.container(border=True):
        st.caption(ctx.t("course_situation"))
        st.markdown(md_escape(case.get("situation", "")))
    cid = case["id"]
    with st.form(f"course_case_form_{cid}", border=False):
        part = st.radio(ctx.t("course_choose_part"), PARTS, key=f"course_part_{cid}", index=None, horizontal=True,
                        format_func=lambda p: ctx.t(f"part_{p}"))
        innovative = st.radio(ctx.t("course_choose_innovative"), (True, False), key=f"course_inno_{cid}", index=None,
                              horizontal=True, format_func=lambda v: ctx.t("tri_yes") if v else ctx.t("tri_no"))
        procedure = st.radio(ctx.t("course_choose_procedure"), PROCEDURES, key=f"course_proc_{cid}", index=None,
                             format_func=lambda p: _proc_name(ctx, p))
        submitted = st.form_submit_button(ctx.t("course_check"), type="primary")
    if submitted:
        if procedure is None:
            st.warning(ctx.t("course_pick_first"))
        else:
            st.session_state[f"course_case_answer_{cid}"] = {"part": part, "innovative": innovative, "procedure": procedure}
    given = st.session_state.get(f"course_case_answer_{cid}")
    if given:
        _case_feedback(ctx, case, given)


def _case_feedback(ctx: PageContext, case: dict[str, Any], given: dict[str, Any]) -> None:
    expected = case.get("expected", {})
    exp_proc = expected.get("procedure")
    acceptable = set(expected.get("acceptable_procedures") or []) | ({exp_proc} if exp_proc else set())
    exp_part = expected.get("part", "III")
    picked = given["procedure"]
    label = _proc_name(ctx, picked)
    expected_label = _proc_name(ctx, exp_proc, exp_part) if exp_proc else "–"
    ok = picked in acceptable
    _record(f"case:{case['id']}", ok)
    if _hidden():
        if ok:
            st.success(ctx.t("course_right_hidden"))
        else:
            st.error(ctx.t("course_wrong_hidden", label=label))
        st.info(ctx.t("course_answers_hidden"), icon=":material/visibility_off:")
        return
    if picked == exp_proc:
        st.success(ctx.t("course_right", label=label))
    elif ok:
        st.info(ctx.t("course_acceptable", label=label, expected=expected_label))
    else:
        st.error(ctx.t("course_wrong", expected=expected_label))
    if given.get("part") is not None:
        st.markdown(("✓ " if given["part"] == exp_part else "✗ ")
                    + ctx.t("course_part_check", given=ctx.t(f"part_{given['part']}"), expected=ctx.t(f"part_{exp_part}")))
    if given.get("innovative") is not None and "innovative" in expected:
        yes_no = {True: ctx.t("yes"), False: ctx.t("no")}
        st.markdown(("✓ " if given["innovative"] == expected["innovative"] else "✗ ")
                    + ctx.t("course_innovative_check", given=yes_no[given["innovative"]], expected=yes_no[expected["innovative"]]))
    with st.expander(ctx.t("course_model_answer"), expanded=True, icon=":material/check_circle:"):
        if case.get("reasoning"):
            st.markdown(f"**{ctx.t('course_reasoning')}**")
            st.markdown(md_escape(case["reasoning"]))
        if case.get("sources"):
            st.caption(ctx.t("course_sources", ids=", ".join(case["sources"])))
    st.markdown(f"#### {ctx.t('course_engine')}")
    result = assess(case.get("input") or {}, ctx.settings)
    st.markdown(ctx.t("course_engine_says", label=_proc_name(ctx, result.procedure, result.part), part=result.part_label,
                      innovative=ctx.t("yes") if result.innovative else ctx.t("no")))
    if result.procedure in acceptable and result.part == exp_part:
        st.caption(ctx.t("course_engine_agrees"))
    else:
        st.warning(ctx.t("course_engine_disagrees"))
    with st.expander(ctx.t("course_engine_details")):
        show_assessment(ctx, result, downloads=False, key=f"course_as_{case['id']}")
