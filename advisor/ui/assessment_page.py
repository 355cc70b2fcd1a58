"""Anskaffelsesvurdering: a wizard over the assessment inputs, then advisor.assessment.assess and its audit export."""

from __future__ import annotations

from typing import Any

import streamlit as st

from advisor.assessment import (
    BUYERS,
    CONTRACT_TYPES,
    MARKET_ANSWERS,
    REGIMES,
    RISK_LEVELS,
    VALUE_PERIODS,
    assess,
    extract_case,
    format_nok,
    parse_case,
)
from advisor.errors import AdvisorError
from advisor.ui import cases, handoff
from advisor.ui.assessment_view import show_assessment
from advisor.ui.cards import md_escape
from advisor.ui.context import PageContext

STEP_KEY = "as_step"
RESULT_KEY = "as_result"
NOTES_KEY = "as_notes"  # the (case key, note) pairs of the last reading, as assess() takes them
PROBLEMS_KEY = "as_problems"
STEPS = ("step_need", "step_value", "step_market", "step_result")
TRISTATE = ("yes", "no", "unknown")
BOOL_FIELDS = ("development_needed", "wants_to_buy_result", "can_specify_solution", "market_dialogue_done",
               "health_social_services", "special_services")
OPTIONAL_BOOLS = ("design_contest", "previous_competition_failed")
VALUE_BOOLS = ("open_ended", "framework_agreement", "amounts_include_vat")
NUMBER_FIELDS = ("estimated_value_nok", "deadline_months", "value_per_period_nok", "duration_months", "option_months")
CHOICE_FIELDS = ("buyer", "category", "market_has_solution", "risk_tolerance", "regime", "value_period")
WIDGET = "as_w_"  # widget keys: as_w_<case key>


def _key(field: str) -> str:
    return WIDGET + field


def _tristate(value: Any) -> str:
    return "unknown" if value is None else ("yes" if value else "no")


def _from_tristate(value: str | None) -> bool | None:
    return {"yes": True, "no": False}.get(value or "unknown")


def _fill(values: dict[str, Any]) -> None:
    """Put case values into the wizard's widgets (called from button callbacks, before the widgets exist)."""
    for field, value in values.items():
        if field == "need":
            st.session_state[_key(field)] = value or ""
        elif field in NUMBER_FIELDS:
            st.session_state[_key(field)] = value
        elif field in BOOL_FIELDS or field in OPTIONAL_BOOLS or field in VALUE_BOOLS:
            st.session_state[_key(field)] = _tristate(value)
        elif field in CHOICE_FIELDS:
            st.session_state[_key(field)] = value
        elif field == "utilities" and value:
            st.session_state[_key("regime")] = "utilities"  # the older flag names the regime


def _reset() -> None:
    for key in list(st.session_state):
        if isinstance(key, str) and key.startswith(("as_w_", "as_")):
            del st.session_state[key]


def _load_example(ctx: PageContext) -> None:
    case_id = st.session_state.get("as_example")
    if not case_id:
        return
    case = cases.case_by_id(ctx.settings, case_id)
    _reset()
    st.session_state["as_example"] = case_id
    values = dict(case["input"])
    values["need"] = case.get("situation") or values.get("need", "")
    _fill(values)
    st.session_state[STEP_KEY] = 0


def _apply_extraction(text: str) -> None:
    """Fill the later steps from a description with the same reader `advisor assess --text` uses."""
    extraction = extract_case(text)
    values = {key: extraction.values[key] for key in extraction.read_keys}
    _fill(values)
    # assess() takes (case key, note) pairs: the notes of keys read from the text show first among the assumptions.
    st.session_state[NOTES_KEY] = list(extraction.notes)
    st.session_state[PROBLEMS_KEY] = [f"«{p.phrase}»: {p.reason}" for p in extraction.problems]
    st.session_state["as_read"] = sorted(values)


def _read_description(ctx: PageContext) -> None:
    text = st.session_state.get(_key("need"), "")
    if text.strip():
        _apply_extraction(text)


def prefill(text: str) -> None:
    """Start the wizard from a free-text purchase description (sent from the chat): need and details filled in."""
    _reset()
    st.session_state[_key("need")] = text
    if text.strip():
        _apply_extraction(text)
    st.session_state[STEP_KEY] = 0


def _go(step: int) -> None:
    st.session_state[STEP_KEY] = step
    st.session_state.pop(RESULT_KEY, None)


def collect_case() -> dict[str, Any]:
    """The case keys the wizard holds; unanswered ("vet ikke") keys are left out so the model states its assumption."""
    s = st.session_state
    out: dict[str, Any] = {}
    need = (s.get(_key("need")) or "").strip()
    if need:
        out["need"] = need
    for field in NUMBER_FIELDS:
        value = s.get(_key(field))
        if value:
            out[field] = int(value)
    for field in CHOICE_FIELDS:
        if s.get(_key(field)):
            out[field] = s[_key(field)]
    for field in (*BOOL_FIELDS, *OPTIONAL_BOOLS, *VALUE_BOOLS):
        value = _from_tristate(s.get(_key(field)))
        if value is not None:
            out[field] = value
    if "value_per_period_nok" not in out:
        out.pop("value_period", None)  # a period without an amount says nothing
    if out.get("open_ended") and "duration_months" in out:
        out.pop("open_ended")  # a stated term wins over «no fixed end date»
    return out


def _radio(ctx: PageContext, field: str, options: tuple[str, ...], label_prefix: str, default: str | None = None,
           text_key: str | None = None) -> None:
    """A radio for one case key; `text_key` names its question and help texts when `field` alone would clash."""
    key = _key(field)
    if key not in st.session_state and default is not None:
        st.session_state[key] = default
    # No preselected answer for a question the user has not answered: index=None leaves every option empty.
    initial = {} if key in st.session_state else {"index": None}
    st.radio(
        ctx.t(f"q_{text_key or field}"),
        options,
        format_func=lambda v: ctx.t(f"{label_prefix}_{v}"),
        key=key,
        help=ctx.t(f"help_{text_key or field}"),
        horizontal=True,
        persist_state="session",
        **initial,
    )


def _number(ctx: PageContext, field: str, **kwargs: Any) -> None:
    key = _key(field)
    initial = {} if key in st.session_state else {"value": None}
    st.number_input(ctx.t(f"q_{field}"), key=key, help=ctx.t(f"help_{field}"), persist_state="session",
                    **initial, **kwargs)


def _tri(ctx: PageContext, field: str) -> None:
    _radio(ctx, field, TRISTATE, "tri", default="unknown")


def _step_need(ctx: PageContext) -> None:
    with st.container(border=True):
        st.caption(ctx.t("as_example_intro"))
        options = [""] + [c["id"] for c in cases.load_cases(ctx.settings)]
        titles = {c["id"]: c["title"] for c in cases.load_cases(ctx.settings)}
        st.selectbox(ctx.t("as_example"), options, key="as_example",
                     format_func=lambda cid: ctx.t("as_example_none") if not cid else f"{cid}: {titles[cid]}",
                     on_change=_load_example, args=(ctx,))
    st.text_area(ctx.t("q_need"), key=_key("need"), help=ctx.t("help_need"), height=140,
                 placeholder=ctx.t("need_placeholder"), max_chars=4000, persist_state="session")
    st.button(ctx.t("as_read_description"), on_click=_read_description, args=(ctx,),
              help=ctx.t("as_read_description_help"))
    if st.session_state.get("as_read") is not None:
        read = st.session_state["as_read"]
        if read:
            st.success(ctx.t("as_read_done", fields=", ".join(ctx.t(f"label_{f}") for f in read)))
        else:
            st.info(ctx.t("as_read_nothing"))
        for problem in st.session_state.get(PROBLEMS_KEY, []):
            st.error(ctx.t("as_read_problem", problem=md_escape(problem)))
        for _, note in st.session_state.get(NOTES_KEY, []):
            st.caption("• " + md_escape(note))


def _step_value(ctx: PageContext) -> None:
    _number(ctx, "estimated_value_nok", min_value=0, step=100_000, placeholder=ctx.t("value_placeholder"))
    value = st.session_state.get(_key("estimated_value_nok"))
    if value:
        st.caption(ctx.t("value_echo", amount=format_nok(int(value))))
    with st.expander(ctx.t("as_value_parts"), expanded=any(
            st.session_state.get(_key(f)) not in (None, "unknown") for f in (*NUMBER_FIELDS[2:], *VALUE_BOOLS))):
        _number(ctx, "value_per_period_nok", min_value=0, step=10_000)
        _radio(ctx, "value_period", VALUE_PERIODS, "period", default="year")
        _number(ctx, "duration_months", min_value=0, max_value=1200, step=12)
        _number(ctx, "option_months", min_value=0, max_value=1200, step=12)
        for field in VALUE_BOOLS:
            _tri(ctx, field)
    _radio(ctx, "buyer", BUYERS, "buyer")
    _radio(ctx, "category", CONTRACT_TYPES, "category")
    _radio(ctx, "regime", REGIMES, "asregime", default="foa", text_key="as_regime")
    _tri(ctx, "health_social_services")
    _tri(ctx, "special_services")


def _step_market(ctx: PageContext) -> None:
    _radio(ctx, "market_has_solution", MARKET_ANSWERS, "market")
    for field in ("development_needed", "wants_to_buy_result", "can_specify_solution", "market_dialogue_done"):
        _tri(ctx, field)
    with st.expander(ctx.t("as_more")):
        for field in OPTIONAL_BOOLS:
            _tri(ctx, field)
        _number(ctx, "deadline_months", min_value=0, max_value=240, step=1)
        _radio(ctx, "risk_tolerance", RISK_LEVELS, "risk")


def _nav(ctx: PageContext, step: int) -> None:
    with st.container(horizontal=True, vertical_alignment="center"):
        if step > 0:
            st.button(ctx.t("back"), on_click=_go, args=(step - 1,), key=f"as_back_{step}", icon=":material/arrow_back:")
        if step < len(STEPS) - 2:
            st.button(ctx.t("next"), on_click=_go, args=(step + 1,), key=f"as_next_{step}", type="primary",
                      icon=":material/arrow_forward:")
        elif step == len(STEPS) - 2:
            st.button(ctx.t("as_run"), on_click=_go, args=(step + 1,), key="as_run", type="primary",
                      icon=":material/task_alt:")
        st.space("stretch")  # pushes "start again" to the right
        st.button(ctx.t("as_reset"), on_click=_reset, key=f"as_reset_{step}", type="tertiary",
                  icon=":material/restart_alt:")


def render(ctx: PageContext) -> None:
    """The assessment wizard: need → value and buyer → market → result."""
    if (sent := handoff.take("vurdering")) is not None:
        prefill(sent)
    st.title(ctx.t("as_title"))
    st.caption(ctx.t("as_intro"))
    step = int(st.session_state.get(STEP_KEY, 0))
    st.progress((step + 1) / len(STEPS), text=ctx.t("step_of", n=step + 1, total=len(STEPS),
                                                     name=ctx.t(STEPS[step])))
    if step == 0:
        _step_need(ctx)
    elif step == 1:
        _step_value(ctx)
    elif step == 2:
        _step_market(ctx)
    else:
        _result(ctx)
    _nav(ctx, step)


def _result(ctx: PageContext) -> None:
    values = collect_case()
    interpretation = [tuple(pair) for pair in st.session_state.get(NOTES_KEY, [])] if st.session_state.get("as_read") else []
    try:
        assessment = assess(parse_case(values), ctx.settings, interpretation=interpretation)
    except AdvisorError as exc:
        st.error(md_escape(str(exc)))
        return
    show_assessment(ctx, assessment)
    _similar_line(ctx, values.get("need", ""))


def _similar_line(ctx: PageContext, need: str) -> None:
    """One line on comparable Doffin notices and how they were bought (advisor.doffin.similar), with links."""
    from advisor.ui import similar_panel

    line = similar_panel.summary_markdown(ctx, need) if need.strip() else None
    if line:
        st.markdown(f"**{ctx.t('sim_title')}:** {line}")
