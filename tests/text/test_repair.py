from __future__ import annotations

from advisor.text import drop_boilerplate, repair_ocr
from advisor.text.repair import dehyphenate, fix_word


def test_garbled_norwegian_letters_are_restored_from_the_lexicon():
    assert fix_word("gkonomiske") == "økonomiske"
    assert fix_word("neeringslivet") == "næringslivet"
    assert fix_word("dr0yt") == "drøyt"
    assert fix_word("lgsning") == "løsning"
    assert fix_word("Statssekreteer") == "Statssekretær"
    assert fix_word("&") == "å"


def test_correct_words_are_left_alone():
    for word in ("offentlig", "innovasjon", "kommune", "man", "er", "at", "data", "KS", "Difi", "2019"):
        assert fix_word(word) == word


def test_words_hyphenated_across_lines_are_joined():
    text, count = dehyphenate("begrensede gkono-\nmiske ressurser og innovasjons-\nbarometeret")
    assert text == "begrensede gkonomiske ressurser og innovasjonsbarometeret"
    assert count == 2


def test_ocr_repair_of_a_damaged_paragraph():
    damaged = "Samtidig viser barometeret at det ogsa oppleves &\nveere en del hindre for a fa til enda mer\ninnovasjon nar det gjelder gkono-\nmiske ressurser."
    fixed, report = repair_ocr(damaged)
    assert fixed == "Samtidig viser barometeret at det også oppleves å være en del hindre for å få til enda mer innovasjon når det gjelder økonomiske ressurser."
    assert report.dehyphenated == 1
    assert report.words_fixed >= 7


def test_seed_003_repair_fixes_hundreds_of_words(shared_dir):
    raw = (shared_dir / "seeds" / "003_19c8ed81f162b591.txt").read_text(encoding="utf-8")
    fixed, report = repair_ocr(raw)
    assert report.words_fixed > 300 and report.dehyphenated > 30
    assert "økonomiske" in fixed and "næringslivet" in fixed and "gkono" not in fixed


def test_boilerplate_and_contact_details_are_dropped():
    text = (
        "Innledning.\n  • Logg inn!\nDel illustration Download illustration\nFig_kap7_7.jpg\n"
        "icon-check.png Gentofte sparer 3 mio. kr.\nTina Bentzen, chefkonsulent. Kontakt: 29 46 95 01, tb@ukon.dk\n"
    )
    out = drop_boilerplate(text, drop_contacts=True)
    assert "Logg inn" not in out and "Del illustration" not in out and "Fig_kap7" not in out
    assert "Gentofte sparer 3 mio. kr." in out and "icon-check" not in out
    assert "tb@ukon.dk" not in out and "29 46 95 01" not in out and "Tina Bentzen" in out
