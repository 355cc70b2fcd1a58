"""Run the decision model on a case: five plain stages over one `Reasoning`, in the order a buyer would reason.

    inputs      every key gets a value; what was not given is a stated assumption      (inputs.py)
    part        which part of the regulation, against the dated thresholds             (part.py)
    innovation  should the purchase be run as an innovative procurement                (innovation.py)
    procedure   the recommended procedure, alternatives and legal ground               (procedure.py)
    next steps  what to do now, each step produced by a rule                           (next_steps.py)

Every conclusion is an audit-trail entry naming the rule that drew it, the input it read and the value it saw.
The result has no citations yet; `engine.assess` resolves each rule's guidance passages.
"""

from __future__ import annotations

import datetime as dt

from advisor.assessment.case import Case
from advisor.assessment.innovation import assess_innovation
from advisor.assessment.inputs import resolve_inputs
from advisor.assessment.next_steps import plan_next_steps
from advisor.assessment.part import check_dates, classify_part
from advisor.assessment.procedure import choose_procedure
from advisor.assessment.rules import ThresholdTable
from advisor.assessment.state import Reasoning


def decide(case: Case, table: ThresholdTable, today: dt.date) -> Reasoning:
    """Run every stage of the decision model on a case and return what it concluded."""
    r = Reasoning(case, table, today)
    resolve_inputs(r)
    classify_part(r)
    check_dates(r)
    assess_innovation(r)
    choose_procedure(r)
    plan_next_steps(r)
    return r
