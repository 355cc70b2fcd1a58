"""The contract value that decides the part (FOA § 5-4): the whole contract excl. VAT, with options and extensions.

Amounts per month or year are multiplied by the term; a contract without a fixed term counts 48 months; options add
their months; an amount given with VAT is converted. Every step is a rule that fires, and the arithmetic is kept as
a line the buyer can check (guide-kontraktsverdi).
"""

from __future__ import annotations

import re

from advisor.assessment.case import format_amount, format_nok
from advisor.assessment.state import ContractValue, Reasoning

OPEN_ENDED_MONTHS = 48  # FOA § 5-4 as Virke reads it: a contract without a fixed term counts 48 months
VAT_FACTOR_PERCENT = 125  # the general Norwegian VAT rate of 25 %, used only to convert an amount given incl. VAT
CONFLICT_SHARE = 0.01  # a stated total within 1 % of the computed one is the same figure, rounded
# The purchase is divided into lots («tre delentrepriser», «delkontrakt 2», «fire soner», «rode B»).
_LOTS = re.compile(r"\b(?:del(?:kontrakt|entrepris|område|leveranse)\w*|lots?|soner|sone\s+\w|roder|rode\s+\w)\b",
                   re.IGNORECASE)


def estimate_value(r: Reasoning) -> None:
    """Work out the value that decides the part, say how, and put it where the part stage reads it."""
    c = r.case
    if c.value_per_period_nok is None and c.estimated_value_nok is None:
        _no_value(r)
        return
    if c.value_per_period_nok is not None:
        total, value = _from_period(r)
        if c.estimated_value_nok is not None:
            total, value = _check_against_stated(r, total, value)
    elif c.value_parts:
        total = c.estimated_value_nok or 0
        value = ContractValue(total, "parts", f"{c.value_parts} = {format_nok(total)} kr", c.value_parts)
        text = (f"Verdien er summen av delene av anskaffelsen: {c.value_parts} = {format_nok(total)} kr ekskl. mva. "
                "Hver del og hver opsjon teller med.")
        if _LOTS.search(c.need or ""):
            text += (" Delkontraktene er lagt sammen: de hører til samme anskaffelse, og det er den samlede verdien som "
                     "sammenlignes med terskelverdien.")
        r.value_reasons.append(("R-VALUE-PARTS", text))
        r.fire("R-VALUE-PARTS", ("estimated_value_nok", "value_parts"), text)
    else:
        total = c.estimated_value_nok or 0
        value = ContractValue(total, "stated", f"{format_nok(total)} kr (oppgitt samlet verdi)", "", stated_total_nok=total)
        if c.option_months:
            # A stated total is normally the whole contract; the buyer must confirm that the options are in it.
            text = (f"Vi legger til grunn at den oppgitte verdien på {format_nok(total)} kr omfatter opsjonene på "
                    f"{c.option_months} måneder, slik en kunngjort verdi skal.")
            r.value_reasons.append(("R-VALUE-OPTIONS", text))
            r.assumptions.append(text)
            r.fire("R-VALUE-OPTIONS", ("estimated_value_nok", "option_months"), text)
            r.find_out("Bekreft at den oppgitte verdien omfatter alle opsjoner og forlengelser.")
    if c.options_value_nok:
        total += c.options_value_nok
        value.calculation += f" + {format_nok(c.options_value_nok)} kr for andre opsjoner = {format_nok(total)} kr"
        value.short = (value.short + " + " if value.short else format_amount(total - c.options_value_nok) + " + ") + \
            f"{format_amount(c.options_value_nok)} i opsjoner"
        text = f"Andre opsjoner på {format_nok(c.options_value_nok)} kr er lagt til verdien."
        r.value_reasons.append(("R-VALUE-OPTIONS", text))
        r.fire("R-VALUE-OPTIONS", ("options_value_nok",), text)
    if c.amounts_include_vat:
        total = _convert_vat(r, total, value)
    value.total_nok = total
    r.contract_value = value
    r.values["estimated_value_nok"] = total
    if value.method != "stated" or c.options_value_nok or c.amounts_include_vat:
        r.computed_keys.append("estimated_value_nok")
    how = "slik den er oppgitt" if value.calculation.endswith("(oppgitt samlet verdi)") else value.calculation
    text = (f"Verdien som avgjør hvilke regler som gjelder, er {format_nok(total)} kr ekskl. mva. for hele kontrakten "
            f"({how}). Alle opsjoner og forlengelser skal med, og anskaffelsen kan ikke deles opp for å komme under en "
            "terskel.")
    r.value_reasons.insert(0, ("R-VALUE-TOTAL", text))
    r.fire("R-VALUE-TOTAL", ("estimated_value_nok",), text)
    if c.framework_agreement:
        _framework(r)
    if c.design_contest:
        text = "Plan- og designkonkurranse: verdien er alle premiene og betalingene til deltakerne samlet."
        r.value_reasons.append(("R-VALUE-DESIGN-CONTEST", text))
        r.fire("R-VALUE-DESIGN-CONTEST", ("design_contest", "estimated_value_nok"), text)


def _no_value(r: Reasoning) -> None:
    strictest = ("del III (de strengeste reglene)" if r.regime == "foa"
                 else "det strengeste utfallet (over EØS-terskelen)")
    r.contract_value = ContractValue(None, "missing", "Verdien er ikke oppgitt.", "")
    r.assume("R-ASSUME-VALUE", "estimated_value_nok", None,
             f"Anslått verdi er ikke oppgitt. Vi legger til grunn {strictest} til verdien er anslått.")
    r.find_out("Anslå samlet kontraktsverdi ekskl. mva. (se forskriften om beregning ved opsjoner og lange avtaleperioder).")
    r.provisional = True
    if r.case.framework_agreement:
        _framework(r)


def _from_period(r: Reasoning) -> tuple[int, ContractValue]:
    """Per-period amount × the months the contract can run, with the rule that gives the months."""
    c = r.case
    per, period = c.value_per_period_nok or 0, c.value_period or "year"
    per_text = f"{format_nok(per)} kr {'per år' if period == 'year' else 'per måned'}"
    if c.open_ended:
        months, method = OPEN_ENDED_MONTHS, "open_ended"
        r.fire("R-VALUE-48-MONTHS", ("value_per_period_nok", "open_ended"),
               f"Avtalen har ingen fast løpetid: verdien er {per_text} regnet over {OPEN_ENDED_MONTHS} måneder.")
        r.value_reasons.append(("R-VALUE-48-MONTHS", "Avtalen har ingen fast løpetid, så verdien regnes som månedsverdien "
                                                      f"ganget med {OPEN_ENDED_MONTHS}."))
    elif c.duration_months:
        months, method = c.duration_months + (c.option_months or 0), "per_period"
        text = f"Beløpet per periode ({per_text}) er ganget med hele avtaleperioden, {_term(months)}."
        r.value_reasons.append(("R-VALUE-PER-PERIOD", text))
        r.fire("R-VALUE-PER-PERIOD", ("value_per_period_nok", "value_period", "duration_months"), text)
        if c.option_months:
            text = (f"Opsjonene på forlengelse ({_term(c.option_months)}) er regnet med som om de blir brukt: "
                    f"{_term(c.duration_months)} + {_term(c.option_months)} = {_term(months)}.")
            r.value_reasons.append(("R-VALUE-OPTIONS", text))
            r.fire("R-VALUE-OPTIONS", ("duration_months", "option_months"), text)
        if months > OPEN_ENDED_MONTHS:
            # The whole fixed term gives the higher figure; whether × 48 may be used instead is not verified.
            text = (f"Den faste perioden er over {OPEN_ENDED_MONTHS} måneder. Vi bruker samlet betaling for hele perioden, "
                    f"som gir det høyeste beløpet; om månedsverdi × {OPEN_ENDED_MONTHS} kan brukes i stedet, er ikke verifisert.")
            r.value_reasons.append(("R-VALUE-LONG-TERM", text))
            r.fire("R-VALUE-LONG-TERM", ("duration_months",), text)
            r.flag_unverified(f"Om tjenestekontrakter over {OPEN_ENDED_MONTHS} måneder kan verdsettes som månedsverdi × "
                              f"{OPEN_ENDED_MONTHS} (FOA § 5-4).")
    else:
        months, method = OPEN_ENDED_MONTHS, "no_term"
        text = (f"Varigheten er ikke oppgitt. Vi regner {per_text} over {OPEN_ENDED_MONTHS} måneder, som for en avtale "
                "uten fast løpetid; det er ikke verdien per år som teller.")
        r.value_reasons.append(("R-VALUE-NO-TERM", text))
        r.assumptions.append(text)
        r.fire("R-VALUE-NO-TERM", ("value_per_period_nok", "value_period"), text)
        r.find_out("Hvor lenge skal avtalen vare, med alle opsjoner på forlengelse?")
    divisor = 12 if period == "year" else 1
    total = (per * months * 2 + divisor) // (2 * divisor)  # round half up to whole kroner
    if period == "year" and months % 12 == 0:
        calculation = f"{per_text} × {_term(months)} = {format_nok(total)} kr"
        short = f"{format_amount(per)} per år × {_term(months)}"
    elif period == "year":
        calculation = f"{per_text} × {months} måneder ÷ 12 = {format_nok(total)} kr"
        short = f"{format_amount(per)} per år i {months} måneder"
    else:
        calculation = f"{per_text} × {months} måneder = {format_nok(total)} kr"
        short = f"{format_amount(per)} per måned × {months} måneder"
    return total, ContractValue(total, method, calculation, short, months_counted=months)


def _check_against_stated(r: Reasoning, computed: int, value: ContractValue) -> tuple[int, ContractValue]:
    """A stated total next to per-period amounts: agreeing figures confirm each other, differing ones are a question."""
    stated = r.case.estimated_value_nok or 0
    value.stated_total_nok = stated
    if abs(stated - computed) <= CONFLICT_SHARE * max(stated, computed):
        value.calculation += f"; oppgitt samlet verdi {format_nok(stated)} kr stemmer med dette"
        return computed, value
    higher = max(stated, computed)
    text = (f"Oppgitt samlet verdi ({format_nok(stated)} kr) og verdien beregnet fra beløpet per periode "
            f"({format_nok(computed)} kr) spriker. Vi legger det høyeste beløpet, {format_nok(higher)} kr, til grunn.")
    r.value_reasons.append(("R-VALUE-CONFLICT", text))
    r.assumptions.append(text)
    r.fire("R-VALUE-CONFLICT", ("estimated_value_nok", "value_per_period_nok"), text)
    r.find_out("Avklar hvilken verdi som gjelder for hele kontrakten med opsjoner: den oppgitte samlede verdien eller "
               "beløpet per periode ganget med varigheten.")
    if higher == stated:
        value.calculation = f"{format_nok(stated)} kr (oppgitt samlet verdi, høyere enn {value.calculation})"
        value.short = ""
        value.method = "stated"
    else:
        value.calculation += f" (høyere enn oppgitt samlet verdi {format_nok(stated)} kr)"
    return higher, value


def _convert_vat(r: Reasoning, total: int, value: ContractValue) -> int:
    """Turn an amount given incl. VAT into the amount excl. VAT that the thresholds are set in."""
    excl = (total * 100 * 2 + VAT_FACTOR_PERCENT) // (2 * VAT_FACTOR_PERCENT)
    value.calculation += f"; {format_nok(total)} kr inkl. mva. ÷ 1,25 = {format_nok(excl)} kr ekskl. mva."
    value.short = (value.short or format_amount(total)) + " inkl. mva. ÷ 1,25"
    value.vat_converted = True
    text = (f"Beløpene er oppgitt inkl. mva. Terskelverdiene gjelder beløp ekskl. mva., så vi har regnet om med den "
            f"alminnelige satsen på 25 %: {format_nok(total)} kr ÷ 1,25 = {format_nok(excl)} kr. Kontroller beløpet "
            "ekskl. mva." + ("" if r.case.category in ("goods", "works") else
                             " Noen tjenester har en annen sats eller er fritatt."))
    r.value_reasons.append(("R-VALUE-VAT", text))
    r.assumptions.append(text)
    r.fire("R-VALUE-VAT", ("amounts_include_vat",), text)
    r.find_out("Bekreft verdien ekskl. mva.")
    return excl


def _framework(r: Reasoning) -> None:
    text = ("Rammeavtale: verdien er de samlede kjøpene over hele avtaleperioden med opsjoner. Oppgi anslått verdi og "
            "største verdi eller mengde i kunngjøringen; når største verdi er nådd, er avtalen brukt opp.")
    r.value_reasons.append(("R-VALUE-FRAMEWORK", text))
    r.fire("R-VALUE-FRAMEWORK", ("framework_agreement",), text)
    r.step("R-VALUE-FRAMEWORK", "Oppgi anslått verdi og største verdi eller mengde for rammeavtalen i kunngjøringen og "
           "konkurransegrunnlaget; kjøp ut over største verdi kan bli en ulovlig direkte anskaffelse.")
    months = r.contract_value.months_counted if r.contract_value else None
    if months and months > OPEN_ENDED_MONTHS:
        r.flag_unverified("At rammeavtaler i del III ikke kan vare mer enn fire år (videreført fra den gamle forskriften).")
        r.find_out("Kontroller om rammeavtalen kan vare så lenge; fireårsgrensen i del III er ikke verifisert.")


def _term(months: int) -> str:
    """«3 år», «18 måneder», «1 år»."""
    if months % 12 == 0:
        return f"{months // 12} år"
    return f"{months} måneder"
