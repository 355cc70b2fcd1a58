"""Slot grammar: what a template filled with a piece of the original must not read like.

A template «X skal ha …» or «X skal være …» takes a noun phrase; filled with a verb phrase from the original it reads
«Løsningen skal ha montere …». The check names such faults (tests run every template and draft through it), and the
repair turns them into the verb phrase the writer meant («Løsningen skal montere …»). Nothing here knows any
example: it only knows which words are verbs.
"""

from __future__ import annotations

import re

# Infinitives a requirement's verb phrase often starts with (short or irregular ones the ending does not tell).
_VERBS = frozenset({
    "gi", "få", "gå", "se", "ta", "nå", "stå", "bo", "slå", "dra", "bli", "gjøre", "sørge", "levere", "montere",
    "installere", "integrere", "dokumentere", "tilby", "utføre", "sikre", "dekke", "lade", "dosere", "vaske", "måle",
    "lagre", "sende", "varsle", "hente", "kjøre", "holde", "tåle", "drifte", "vedlikeholde", "rengjøre", "frakte",
    "transportere", "lære", "kurse", "støtte", "bruke", "koble", "kobles", "skifte", "bytte", "fjerne", "rydde", "klippe",
    "brøyte", "strø", "male", "bygge", "rive", "legge", "lese", "skrive", "tømme", "fylle", "lage", "servere", "gjennomføre",
    "etablere", "utvikle", "oppdatere", "overvåke", "rapportere", "vise", "registrere", "behandle", "produsere",
    "redusere", "øke", "beskytte", "hindre", "kontrollere", "teste", "prøve", "kalibrere", "reparere", "erstatte",
    "svare", "møte", "delta", "ha", "være", "kunne", "inneholde", "omfatte", "oppfylle",
})
# Comparatives end in «-ere» like many verbs: «ha lavere utslipp» is a noun phrase.
_COMPARATIVES = frozenset({
    "flere", "færre", "lavere", "høyere", "større", "mindre", "bedre", "verre", "lengre", "kortere", "raskere", "tyngre",
    "lettere", "sterkere", "svakere", "bredere", "smalere", "tynnere", "tykkere", "varmere", "kaldere", "eldre", "yngre",
    "nyere", "billigere", "dyrere", "enklere", "sikrere", "mer", "mest", "tidligere", "senere", "andre", "hele", "samme",
    "egne", "nye", "gode", "faste", "ekstra", "ytre", "indre", "øvre", "nedre", "bakre", "fremre", "midtre",
})
_MODAL = r"(?:skal|må|bør|kan|shall)"


def is_infinitive(word: str) -> bool:
    """Whether `word` reads as a verb's infinitive in a requirement («montere», «gi», «integrere»), not a noun or an
    adjective («rekkevidde», «lavere»)."""
    w = word.lower()
    if w in _COMPARATIVES:
        return False
    return w in _VERBS or (len(w) >= 7 and w.endswith("ere"))


def _is_passive(word: str) -> bool:
    """«monteres», «leveres», «kobles»: a passive verb, which needs no «ha» before it."""
    w = word.lower()
    return w.endswith("es") and (w[:-1] in _VERBS or (len(w) >= 8 and w.endswith("eres")))


_HAVE_VERB = re.compile(rf"(?<!\w)({_MODAL})\s+(ha|være)\s+([a-zæøå]+)(?=[\s,.;]|$)", re.IGNORECASE)
_MODAL_NOUN = re.compile(rf"(?<!\w){_MODAL}\s+(?:en|et|ei|\d+)(?=\s)", re.IGNORECASE)
# A finite clause («ved at …», «slik at …») whose second verb is left in the infinitive: «… doserer 37 µl og ha …»;
# not when a modal or «å» in the clause governs the infinitive («slik at de kan leke og være sammen»).
_FINITE_AND_INFINITIVE = re.compile(r"(?<!\w)(?:ved at|slik at|for at|fordi|når)\s+(?:(?!\b(?:kan|skal|må|vil|bør|får|"
                                    r"kunne|å)\b)[^.;])*?\s(og\s+(ha|være))(?=\s)", re.IGNORECASE)


def slot_errors(sentence: str) -> list[str]:
    """The slot-grammar faults of one sentence, each as the wording at fault ([] when there are none)."""
    out = []
    for m in _HAVE_VERB.finditer(sentence):
        word = m.group(3)
        if m.group(2).lower() == "ha" and (is_infinitive(word) or _is_passive(word)) and word.lower() not in {"ha"}:
            out.append(m.group(0))
        elif m.group(2).lower() == "være" and is_infinitive(word) and word.lower() not in {"være", "ha"}:
            out.append(m.group(0))
    out.extend(m.group(0) for m in _MODAL_NOUN.finditer(sentence))
    out.extend(m.group(1) for m in _FINITE_AND_INFINITIVE.finditer(sentence))
    return out


def repair(sentence: str) -> str:
    """The sentence with its slot-grammar faults put right: «skal ha montere» -> «skal montere», «skal ha leveres» ->
    «skal leveres», «ved at X doserer … og ha» -> «… og har»."""
    def verb(m: re.Match[str]) -> str:
        word = m.group(3)
        if m.group(2).lower() == "ha" and (is_infinitive(word) or _is_passive(word)) and word.lower() != "ha":
            return f"{m.group(1)} {word}"
        if m.group(2).lower() == "være" and is_infinitive(word) and word.lower() not in {"være", "ha"}:
            return f"{m.group(1)} {word}"
        return m.group(0)

    out = _HAVE_VERB.sub(verb, sentence)

    def finite(m: re.Match[str]) -> str:
        present = {"ha": "har", "være": "er"}[m.group(2).lower()]
        return m.group(0)[: m.start(1) - m.start(0)] + f"og {present}"

    return _FINITE_AND_INFINITIVE.sub(finite, out)
