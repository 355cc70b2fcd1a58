"""The trainer's panel on the course page, behind the trainer password (ADVISOR_APP_TRAINER_PASSWORD).

Start a class and share its link, hide or show the model answers for the whole class, follow the class's results
(one row per participant, one per exercise) and download them as CSV, and upload or remove the trainer's own cases
and exercises. Every action checks the trainer grant first (require_trainer).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime

import streamlit as st

from advisor.course import (
    CourseClass,
    CourseMaterial,
    MaterialError,
    ResultStore,
    delete_trainer_file,
    material_dir,
    save_trainer_file,
)
from advisor.errors import AdvisorError
from advisor.ui.admin import is_trainer, require_trainer, role_login
from advisor.ui.cards import md_escape
from advisor.ui.context import PageContext

CLASS_KEY = "course_trainer_class"
HIDE_KEY = "course_hide"
LOCAL_HIDE_KEY = "course_hide_local"  # the trainer's screen, when no class is chosen
MESSAGE_KEY = "course_trainer_message"


def answers_hidden(ctx: PageContext, store: ResultStore, klass: CourseClass | None) -> bool:
    """Are the model answers hidden here? The class decides (read on every run); without a class, the trainer's
    choice for this screen. A participant has no switch for it."""
    if klass is not None:
        return store.get_class(klass.code).hide_answers
    return bool(st.session_state.get(LOCAL_HIDE_KEY)) and is_trainer(ctx.settings)


def _say(kind: str, text: str) -> None:
    st.session_state[MESSAGE_KEY] = (kind, text)


def _guarded(ctx: PageContext, action, *args) -> None:
    """Run a trainer callback; a refused grant or a failed store becomes a message (callbacks run before the page)."""
    try:
        action(ctx, *args)
    except AdvisorError as exc:
        _say("error", ctx.t("error_prefix", error=str(exc)))


def _create_class(ctx: PageContext, store: ResultStore) -> None:
    require_trainer(ctx.settings)
    name = st.session_state.get("course_class_name", "")
    try:
        klass = store.create_class(name)
    except AdvisorError as exc:
        _say("error", ctx.t("error_prefix", error=str(exc)))
        return
    st.session_state[CLASS_KEY] = klass.code
    _say("success", ctx.t("course_class_created", name=klass.name, code=klass.code))


def _set_hidden(ctx: PageContext, store: ResultStore, code: str | None) -> None:
    require_trainer(ctx.settings)
    value = bool(st.session_state.get(HIDE_KEY))
    if code:
        store.set_hide_answers(code, value)
    else:
        st.session_state[LOCAL_HIDE_KEY] = value


def _delete_class(ctx: PageContext, store: ResultStore, code: str) -> None:
    require_trainer(ctx.settings)
    store.delete_class(code)
    st.session_state[CLASS_KEY] = None
    _say("success", ctx.t("course_class_deleted", code=code))


def panel(ctx: PageContext, store: ResultStore, material: CourseMaterial) -> CourseClass | None:
    """The trainer's login, then (logged in) classes, results and material; returns the class the trainer chose."""
    if not role_login(ctx, "trainer", key="course_trainer"):
        return None
    message = st.session_state.pop(MESSAGE_KEY, None)
    if message:
        getattr(st, message[0])(message[1])
    klass = _classes(ctx, store)
    code = klass.code if klass else None
    st.session_state[HIDE_KEY] = answers_hidden(ctx, store, klass)
    st.toggle(ctx.t("course_hide_answers"), key=HIDE_KEY, help=ctx.t("course_hide_answers_help"),
              on_change=_guarded, args=(ctx, _set_hidden, store, code))
    if klass is not None:
        _class_view(ctx, store, klass, material)
    _material(ctx, material)
    st.button(ctx.t("course_reset"), key="course_reset", on_click=_reset, icon=":material/restart_alt:")
    if st.session_state.pop("course_was_reset", False):
        st.success(ctx.t("course_reset_done"))
    return klass


def _reset() -> None:
    """Forget this session's exercise state (answers, grades); stored results and the trainer's choices stay."""
    keep = {"course_participant", CLASS_KEY, LOCAL_HIDE_KEY, HIDE_KEY, "course_tab"}
    for key in list(st.session_state):
        if isinstance(key, str) and key.startswith("course_") and key not in keep:
            del st.session_state[key]
    st.session_state["course_was_reset"] = True


# --- classes and results -------------------------------------------------------------------------------------------


def _classes(ctx: PageContext, store: ResultStore) -> CourseClass | None:
    st.markdown(f"##### {ctx.t('course_trainer_classes')}")
    with st.form("course_class_form", clear_on_submit=True, border=False):
        cols = st.columns([4, 2], vertical_alignment="bottom")
        cols[0].text_input(ctx.t("course_class_name"), key="course_class_name", max_chars=60)
        cols[1].form_submit_button(ctx.t("course_class_create"), on_click=_guarded, args=(ctx, _create_class, store),
                                   icon=":material/add:")
    classes = store.classes()
    if not classes:
        st.caption(ctx.t("course_class_none"))
        return None
    by_code = {c.code: c for c in classes}
    if st.session_state.get(CLASS_KEY) not in by_code:
        st.session_state[CLASS_KEY] = classes[0].code
    st.selectbox(ctx.t("course_class_pick"), list(by_code), key=CLASS_KEY,
                 format_func=lambda code: f"{by_code[code].name} ({code})")
    klass = by_code[st.session_state[CLASS_KEY]]
    st.caption(ctx.t("course_class_link"))
    st.code(f"/?side=kurs&kurs={klass.code}", language=None)
    return klass


def _class_view(ctx: PageContext, store: ResultStore, klass: CourseClass, material: CourseMaterial) -> None:
    require_trainer(ctx.settings)
    summary = store.summary(klass.code)
    st.markdown(f"**{ctx.t('course_class_view', n=len(summary))}**")
    if not any(row.answered for row in summary):
        st.caption(ctx.t("course_class_empty"))
    if summary:
        st.dataframe([{
            ctx.t("col_participant"): row.name, ctx.t("col_answered"): row.answered,
            ctx.t("col_correct"): row.correct, ctx.t("col_first_try"): row.first_try_correct,
            ctx.t("col_attempts"): row.attempts, ctx.t("col_last_answered"): row.last_answered[:19].replace("T", " "),
        } for row in summary], hide_index=True, width="stretch")
    per_exercise = defaultdict(list)
    for result in store.results(klass.code):
        per_exercise[result.exercise].append(result)
    if per_exercise:
        st.markdown(f"**{ctx.t('course_class_by_exercise')}**")
        st.dataframe([{
            ctx.t("col_exercise"): exercise, ctx.t("col_answered"): len(rows),
            ctx.t("col_right_share"): f"{sum(r.latest_correct for r in rows) / len(rows):.0%}",
            ctx.t("col_first_try"): sum(r.first_try_correct for r in rows),
        } for exercise, rows in sorted(per_exercise.items())], hide_index=True, width="stretch")
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M")
    st.download_button(ctx.t("course_export_csv"), data=store.export_csv(klass.code).encode("utf-8"),
                       file_name=f"kursresultater-{klass.code}-{stamp}.csv", mime="text/csv",
                       key="course_export_csv", icon=":material/download:", on_click="ignore")
    with st.popover(ctx.t("course_delete_class"), icon=":material/delete:"):
        st.button(ctx.t("course_delete_confirm", code=klass.code), key="course_delete_class", type="primary",
                  on_click=_guarded, args=(ctx, _delete_class, store, klass.code))


# --- the trainer's own cases and exercises ---------------------------------------------------------------------------


def _upload(ctx: PageContext) -> None:
    require_trainer(ctx.settings)
    upload = st.session_state.get("course_material_upload")
    if upload is None:
        return
    try:
        saved = save_trainer_file(ctx.settings, upload.name, upload.getvalue())
    except MaterialError as exc:
        _say("error", ctx.t("course_material_refused", reason=str(exc)))
        return
    _say("success", ctx.t("course_material_saved", file=saved.name, cases=saved.cases, exercises=saved.exercises))


def _delete_file(ctx: PageContext, name: str) -> None:
    require_trainer(ctx.settings)
    delete_trainer_file(ctx.settings, name)
    _say("success", ctx.t("course_material_deleted", file=name))


def _material(ctx: PageContext, material: CourseMaterial) -> None:
    st.markdown(f"##### {ctx.t('course_material_title')}")
    st.caption(ctx.t("course_material_help", folder=str(material_dir(ctx.settings))))
    st.file_uploader(ctx.t("course_material_upload"), type=["yaml", "yml"], key="course_material_upload",
                     on_change=_guarded, args=(ctx, _upload))
    if material.files:
        st.dataframe([{ctx.t("col_file"): f.name, ctx.t("col_cases"): f.cases, ctx.t("col_exercises"): f.exercises}
                      for f in material.files], hide_index=True, width="stretch")
        cols = st.columns([4, 2], vertical_alignment="bottom")
        names = [f.name for f in material.files]
        cols[0].selectbox(ctx.t("col_file"), names, key="course_material_pick")
        cols[1].button(ctx.t("course_material_delete"), key="course_material_delete", icon=":material/delete:",
                       on_click=_guarded, args=(ctx, _delete_file, st.session_state.get("course_material_pick") or names[0]))
    else:
        st.caption(ctx.t("course_material_none"))
    if material.problems:
        st.warning(ctx.t("course_material_problems", n=len(material.problems)))
        st.markdown("\n".join(f"- {md_escape(problem)}" for problem in material.problems))

