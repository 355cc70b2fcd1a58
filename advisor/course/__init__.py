"""The course for trainers: graded need statements, the procedure exercise, trainer material and class results.

It spans features (the requirement analyzer grades need statements, the assessment engine answers cases), so it
sits beside chat.py; the app's course page only renders what this package decides.
"""

from advisor.course.grading import CHECKS, Check, NeedGrade, grade_need
from advisor.course.material import (
    CourseCase,
    CourseMaterial,
    MaterialError,
    NeedExercise,
    TrainerFile,
    delete_trainer_file,
    load_material,
    material_dir,
    material_stamp,
    save_trainer_file,
)
from advisor.course.procedure import (
    PARTS,
    QUESTIONS,
    REGIMES,
    CaseGrade,
    EngineView,
    Expected,
    grade_case_answer,
)
from advisor.course.sources import CitedText, cite_reasoning
from advisor.course.store import (
    EXPORT_FIELDS,
    NO_CLASS,
    Attempt,
    CourseClass,
    ExerciseResult,
    Participant,
    ParticipantSummary,
    ResultStore,
    SqliteResultStore,
    SqlResultStore,
    check_code,
    exercise_key,
    open_results,
    results_path,
)

__all__ = [
    "CHECKS",
    "EXPORT_FIELDS",
    "NO_CLASS",
    "PARTS",
    "QUESTIONS",
    "REGIMES",
    "Attempt",
    "CaseGrade",
    "Check",
    "CitedText",
    "CourseCase",
    "CourseClass",
    "CourseMaterial",
    "EngineView",
    "ExerciseResult",
    "Expected",
    "MaterialError",
    "NeedExercise",
    "NeedGrade",
    "Participant",
    "ParticipantSummary",
    "ResultStore",
    "SqliteResultStore",
    "SqlResultStore",
    "TrainerFile",
    "check_code",
    "cite_reasoning",
    "delete_trainer_file",
    "exercise_key",
    "grade_case_answer",
    "grade_need",
    "load_material",
    "material_dir",
    "material_stamp",
    "open_results",
    "results_path",
    "save_trainer_file",
]
