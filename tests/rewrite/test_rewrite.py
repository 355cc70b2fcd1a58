"""The requirement rewriter: offline drafts, measurable targets, the analyzer check, the LLM path, CLI and eval suite."""

from __future__ import annotations

import json

import pytest
from llm_server import OpenAICompatibleServer

from advisor.config import Settings
from advisor.errors import InvalidInput, ProviderError
from advisor.llm import load_prompt
from advisor.requirements import find_matches
from advisor.rewrite import load_worked_examples, measurable_targets, missing_targets, rewrite_requirement
from advisor.rewrite.examples import nearest_examples
from advisor.rewrite.llm_draft import PROMPT_FIELDS, parse_reply
from advisor.rewrite.neutral import neutralize, passes

LINAK = "Sengene skal ha elektrisk høyderegulering med motorer av typen Linak."


def all_text(rewrite) -> list[str]:
    return [rewrite.need_statement, *rewrite.functional_requirements]


def assert_clean_draft(rewrite):
    assert rewrite.need_statement.startswith("Vi har behov for")
    assert 3 <= len(rewrite.functional_requirements) <= 6
    for text in all_text(rewrite):
        assert passes(text), (text, [(h.category, text[h.start:h.end]) for h in find_matches(text) if h.severity != "low"])


# --- offline drafts --------------------------------------------------------------------------------------------------

def test_offline_rewrite_of_the_type_reference_is_a_need_based_draft(settings):
    rewrite = rewrite_requirement(LINAK, settings)
    assert rewrite.provider == "extractive" and rewrite.prompt_version is None
    assert rewrite.original == LINAK
    assert_clean_draft(rewrite)
    assert not any("Linak" in text for text in all_text(rewrite))
    assert rewrite.examples_used[0] == "ex-001"
    assert {f.category for f in rewrite.findings} == {"model_type", "missing_or_equivalent"}
    assert rewrite.market_questions and rewrite.questions_for_buyer
    assert any("Linak" in q and "eller tilsvarende" in q for q in rewrite.questions_for_buyer)
    assert any("utkast" in note.lower() for note in rewrite.notes)


def test_offline_rewrite_of_an_unfamiliar_requirement_is_built_from_templates(settings):
    text = "Det skal kjøpes 12 Lenovo ThinkPad X1 Carbon til ledergruppen."
    rewrite = rewrite_requirement(text, settings)
    assert_clean_draft(rewrite)
    joined = " ".join(all_text(rewrite))
    assert "Lenovo" not in joined and "ThinkPad" not in joined
    assert "12" in joined and "bærbare PC-er" in joined  # the count is kept, the product named neutrally
    assert not any("eksempelet" in note for note in rewrite.notes)  # no worked example was close enough to borrow from
    # the need comes from the purchase type: who it is for and the outcome, not the original minus the brand
    assert "ansatte" in rewrite.need_statement and "uten at" in rewrite.need_statement
    assert any("[" in r for r in rewrite.functional_requirements)  # blanks for the buyer to fill in


def test_rewrite_keeps_measurable_targets_and_turns_exact_values_into_bounds(settings):
    text = "Blodtrykksmålerne skal veie 412 g, ha mansjett 22–42 cm, lagre nøyaktig 99 målinger og være blå."
    rewrite = rewrite_requirement(text, settings)
    assert_clean_draft(rewrite)
    assert rewrite.targets == ["412 g", "22–42 cm", "99 målinger"]
    joined = " ".join(all_text(rewrite))
    # the exact weight (no function stated) becomes what the weight is for, with 412 g named as today's starting point
    # and the range asked of the market; the exact count a least count
    assert "dagens 412 g er et utgangspunkt, ikke et krav i seg selv" in joined and "minst 99 målinger" in joined
    assert "412 g" in rewrite.product_figures
    assert "22–42 cm" in joined
    assert "blå" not in joined


def test_rewrite_of_a_product_named_keeps_context_and_count(settings):
    rewrite = rewrite_requirement("Kommunen skal kjøpe 12 robotstøvsugere til kontorlandskapene.", settings)
    assert_clean_draft(rewrite)
    assert not missing_targets([t for t in measurable_targets(rewrite.original, [])], all_text(rewrite))
    assert not any("robotstøvsuger" in t.lower() for t in all_text(rewrite))


@pytest.mark.parametrize("text", [
    "Løsningen skal utvikles i Java og kjøre på Oracle Database 19c.",
    "Sykehjemmet skal ha senger fra Invacare, samme modell som i dag.",
    "Elevpultene skal være av heltre bøk, 70 x 50 cm, med forkrommet stålramme.",
    "Fasaden skal kles med Kebony-kledning.",
    "The laptops must be Apple MacBook Air M3 with 16 GB RAM.",
    "Alle gulv skal våtmoppes daglig.",
])
def test_every_offline_draft_passes_the_analyzer_and_keeps_targets(settings, text):
    rewrite = rewrite_requirement(text, settings)
    assert_clean_draft(rewrite)
    assert not missing_targets(measurable_targets(text, find_matches(text)), all_text(rewrite))


def test_empty_requirement_is_invalid_input(settings):
    with pytest.raises(InvalidInput):
        rewrite_requirement("  ", settings)


# --- building blocks ----------------------------------------------------------------------------------------------------

def test_measurable_targets_skip_model_numbers_and_standards():
    text = "Vi skal kjøpe 40 Dell Latitude 5550 som oppfyller EN 1176, med 99,5 % oppetid ved 21–23 °C."
    assert [t.text for t in measurable_targets(text, find_matches(text))] == ["40", "99,5 %", "21–23 °C"]
    assert [t.number for t in measurable_targets("Bilen skal trekke 1 500 kg.", [])] == ["1500"]
    assert missing_targets(measurable_targets("Det skal leveres tre biler.", []), ["Leveransen skal omfatte 3 biler."]) == []


def test_neutralize_removes_the_reference_with_its_equivalent_clause():
    text = "Takheisene skal være Guldmann GH3 eller likeverdig, med 255 kg løftekapasitet."
    neutral, notes = neutralize(text, find_matches(text))
    assert neutral == "Takheisene skal ha 255 kg løftekapasitet."
    assert any("Guldmann GH3" in note for note in notes)


def test_nearest_examples_find_the_matching_worked_example(settings):
    examples = load_worked_examples(settings)
    assert len(examples) >= 20
    nearest = nearest_examples("Vi skal kjøpe en robotgressklipper til idrettsbanen.", {"product_named"}, examples)
    assert nearest[0][0].id == "ex-029" and nearest[0][1] > nearest[1][1]


def test_parse_reply_repairs_fences_and_trailing_commas_but_refuses_garbage():
    reply = '```json\n{"need_statement": "Vi har behov for X.", "functional_requirements": ["A skal B.",],}\n```'
    assert parse_reply(reply, "openai")["functional_requirements"] == ["A skal B."]
    with pytest.raises(ProviderError, match="no JSON object"):
        parse_reply("Beklager, jeg kan ikke hjelpe med det.", "openai")
    with pytest.raises(ProviderError, match="need_statement"):
        parse_reply('{"functional_requirements": ["A skal B."]}', "openai")
    with pytest.raises(ProviderError, match="functional_requirements"):
        parse_reply('{"need_statement": "Vi har behov for X.", "functional_requirements": 5}', "openai")


# --- the LLM path against a real OpenAI-compatible server -------------------------------------------------------------

def _llm_settings(tmp_path, server) -> Settings:
    return Settings(home=tmp_path, llm={"provider": "openai", "base_url": server.base_url, "max_retries": 0, "timeout_s": 5})


GOOD_REPLY = json.dumps({
    "need_statement": "Vi har behov for at pleierne kan heve og senke sengene trygt, slik at de unngår belastningsskader.",
    "functional_requirements": ["Sengen skal kunne heves og senkes elektrisk over hele arbeidshøyden.",
                                "Sengen skal ha nødsenking som virker ved strømbrudd."],
    "market_questions": ["Hvilke løsninger for høyderegulering finnes?"],
    "questions_for_buyer": ["Hvor mange senger trenger dere?"],
}, ensure_ascii=False)


def test_llm_rewrite_sends_findings_and_few_shot_examples_and_records_the_prompt_version(tmp_path):
    with OpenAICompatibleServer(reply=GOOD_REPLY) as server:
        settings = _llm_settings(tmp_path, server)
        rewrite = rewrite_requirement(LINAK, settings)
        system, user = server.last_system_prompt(), server.last_user_prompt()
    assert "JSON" in system and "Vi har behov for" in system
    assert LINAK in user
    assert "«typen Linak»" in user and "model_type" in user and "missing_or_equivalent" in user  # the findings
    examples = {e.id: e for e in load_worked_examples(settings)}
    for example_id in rewrite.examples_used:  # the few-shot examples, each with its worked answer
        assert f"Eksempel {example_id}" in user and examples[example_id].original in user
        assert examples[example_id].need_statement in user
    assert rewrite.provider == "openai"
    assert rewrite.prompt_version == load_prompt("rewrite", settings.prompts_dir, required=PROMPT_FIELDS).version
    assert rewrite.need_statement.startswith("Vi har behov for at pleierne")
    # the model's requirements are kept, each completed with how it is verified when the model left that out
    for got, sent in zip(rewrite.functional_requirements, json.loads(GOOD_REPLY)["functional_requirements"], strict=False):
        assert got.startswith(sent.rstrip("."))
    assert rewrite.examples_used[0] == "ex-001"


@pytest.mark.parametrize("reply", ["dette er ikke JSON", '{"need_statement": ', '{"functional_requirements": ["x"]}'])
def test_llm_malformed_reply_raises_provider_error(tmp_path, reply):
    with OpenAICompatibleServer(reply=reply) as server:
        with pytest.raises(ProviderError, match="malformed"):
            rewrite_requirement(LINAK, _llm_settings(tmp_path, server))


def test_llm_server_error_raises_provider_error(tmp_path):
    with OpenAICompatibleServer(mode="500") as server:
        with pytest.raises(ProviderError):
            rewrite_requirement(LINAK, _llm_settings(tmp_path, server))


def test_llm_reply_with_a_brand_is_not_passed_through_unflagged(tmp_path):
    reply = json.dumps({
        "need_statement": "Vi har behov for senger med motorer fra Linak.",
        "functional_requirements": ["Sengene skal ha motorer av typen Linak.",
                                    "Sengen skal ha nødsenking som virker ved strømbrudd.",
                                    "Sengene skal være Invacare SB 755 eller tilsvarende."],
    }, ensure_ascii=False)
    with OpenAICompatibleServer(reply=reply) as server:
        rewrite = rewrite_requirement(LINAK, _llm_settings(tmp_path, server))
    assert_clean_draft(rewrite)
    joined = " ".join(all_text(rewrite))
    assert "Linak" not in joined and "Invacare" not in joined
    assert any(r.startswith("Sengen skal ha nødsenking som virker ved strømbrudd") for r in rewrite.functional_requirements)
    assert any("løsningsbundet" in note for note in rewrite.notes)


def test_llm_reply_that_drops_a_target_gets_it_back(tmp_path):
    text = "Takheisene skal være Guldmann GH3 eller likeverdig, med 255 kg løftekapasitet."
    reply = json.dumps({"need_statement": "Vi har behov for å flytte beboere trygt.",
                        "functional_requirements": ["Én pleier skal kunne gjennomføre en forflytning."]}, ensure_ascii=False)
    with OpenAICompatibleServer(reply=reply) as server:
        rewrite = rewrite_requirement(text, _llm_settings(tmp_path, server))
    assert_clean_draft(rewrite)
    assert any("255 kg" in r for r in rewrite.functional_requirements)


# --- CLI and eval suite -------------------------------------------------------------------------------------------------

def _parser():
    from advisor.cli import ArgumentParser
    from advisor.cli import analyze as analyze_cli

    parser = ArgumentParser(prog="advisor")
    analyze_cli.register(parser.add_subparsers(dest="command"))
    return parser


def test_cli_rewrite_json_contract_and_labelled_text_output(settings, capsys):
    args = _parser().parse_args(["rewrite", LINAK, "--json"])
    assert args.func(args, settings) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"original", "need_statement", "functional_requirements", "market_questions", "questions_for_buyer",
            "findings", "provider", "examples_used", "prompt_version"} <= set(data)
    assert data["original"] == LINAK and data["provider"] == "extractive"
    args = _parser().parse_args(["rewrite", LINAK])
    assert args.func(args, settings) == 0
    out = capsys.readouterr().out
    assert out.index("OPPRINNELIG KRAV") < out.index(LINAK.split(" av ")[0]) < out.index("UTKAST TIL BEHOVSBASERT KRAV")
    assert "[[typen Linak]]" in out and "Behov:" in out and "Funksjons- og ytelseskrav:" in out


def test_cli_rewrite_empty_input_is_invalid(settings):
    args = _parser().parse_args(["rewrite", ""])
    with pytest.raises(InvalidInput):
        args.func(args, settings)


def test_rewrite_suite_reports_pass_and_target_rates(tmp_path):
    from advisor.evaluation.rewrite import run

    rows = [
        {"id": "a", "text": LINAK, "solution_specific": True, "categories": ["model_type"], "domain": "x", "lang": "nb"},
        {"id": "b", "text": "Hjemmetjenesten skal ha tre Volvo XC40 Recharge.", "solution_specific": True,
         "categories": ["brand"], "domain": "x", "lang": "nb"},
        {"id": "c", "text": "Vi har behov for å redusere fallulykker.", "solution_specific": False, "categories": [],
         "domain": "x", "lang": "nb"},
    ]
    (tmp_path / "requirements.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    result = run(Settings(home=tmp_path / "home", evals_dir=tmp_path), progress=False)
    assert result.metrics["cases"] == 2.0  # only the solution-specific rows are rewritten
    assert result.metrics["pass_rate"] == 1.0 and result.metrics["targets_kept_rate"] == 1.0
    assert result.metrics["cases_with_targets"] == 1.0  # «tre» in the Volvo case
    assert {c["id"] for c in result.cases} == {"a", "b"} and all(c["ok"] for c in result.cases)


def test_a_named_medicine_becomes_its_active_substance_strength_and_form(settings):
    """«Paracet» is a trade name: the draft asks for paracetamol in the strength and form the original gives, and
    «tabletter» (pills) is not taken for tablet computers."""
    rewrite = rewrite_requirement("Vi skal kjøpe 200 pakninger Paracet 500 mg tabletter til sykehjemmet.", settings)
    text = "\n".join(all_text(rewrite))
    assert "Paracet" not in text
    assert "virkestoffet paracetamol i styrken 500 mg som tabletter" in text
    assert "elevene" not in rewrite.need_statement and "legemid" in rewrite.need_statement
    assert any("medisinsk grunn" in q and "Paracet" in q for q in rewrite.questions_for_buyer)
    both = rewrite_requirement("Sykehjemmet skal ha Paracet tabletter og Ibux på lager.", settings)
    assert any("paracetamol (og et tilsvarende krav for ibuprofen)" in r for r in both.functional_requirements)
    assert any("[mg]" in r for r in both.functional_requirements)  # no strength given: the blank stays


def test_medicine_findings_name_the_active_substance(settings):
    from advisor.requirements import analyze_requirement

    finding = next(f for f in analyze_requirement("Sykehjemmet skal ha Ibux på lager.", settings).findings if f.category == "brand")
    assert "Virkestoffet i Ibux er ibuprofen" in finding.explanation


def test_the_further_parts_of_a_standard_named_once_are_not_targets():
    text = "Lekeutstyret skal være sertifisert etter EN 1176-1, -2 og -3, og fallunderlaget skal dempe fall fra 2 m."
    assert [t.text for t in measurable_targets(text, [])] == ["2 m"]


def test_a_carried_time_window_is_quoted_whole_and_never_ends_on_a_joining_word():
    from advisor.rewrite.offline import _quoted_target

    text = "Søppeltømming skal skje mellom kl. 05 og 07 hver dag med egen bil."
    first = measurable_targets(text, [])[0]
    assert _quoted_target(text, first) == "mellom kl. 05 og 07"
    other = "Anlegget skal kontrolleres 4 ganger med app og logg."
    assert _quoted_target(other, measurable_targets(other, [])[0]) == "4 ganger"
