"""Run the decision model on a case: five plain stages over one `Reasoning`, in the order a buyer would reason.

    inputs      every key gets a value; what was not given is a stated assumption      (inputs.py)
    value       the contract value that decides the part (FOA § 5-4)                   (value.py)
    part        which regulation and parts, against the dated thresholds               (part.py)
    innovation  should the purchase be run as an innovative procurement                (innovation.py)
    procedure   the recommended procedure, alternatives and legal ground               (procedure.py)
    next steps  what to do now, each step produced by a rule                           (next_steps.py)

Every conclusion is an audit-trail entry naming the rule that drew it, the input it read and the value it saw.
The result has no citations yet; `engine.assess` resolves each rule's guidance passages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from advisor.assessment.case import Case
from advisor.assessment.innovation import assess_innovation
from advisor.assessment.inputs import resolve_inputs
from advisor.assessment.next_steps import plan_next_steps
from advisor.assessment.part import check_dates, classify_part, drop_idle_category_assumption
from advisor.assessment.procedure import choose_procedure
from advisor.assessment.state import Reasoning
from advisor.assessment.thresholds import ThresholdTable
from advisor.assessment.value import estimate_value


def decide(case: Case, table: ThresholdTable, today: dt.date, unclear: Iterable[str] = ()) -> Reasoning:
    """Run every stage of the decision model on a case and return what it concluded.

    `unclear` names keys a free-text description spoke of without settling them; they are answered by assumption
    and asked about.
    """
    r = Reasoning(case, table, today)
    r.unclear_keys = list(unclear)
    resolve_inputs(r)
    estimate_value(r)
    classify_part(r)
    drop_idle_category_assumption(r)
    check_dates(r)
    assess_innovation(r)
    choose_procedure(r)
    plan_next_steps(r)
    return r
