"""advisor.search.thesaurus: abbreviations, English and nynorsk forms expanded to the corpus's bokmål words."""

from __future__ import annotations

from advisor.search.lexical import LexicalIndex
from advisor.search.thesaurus import expand_query

PASSAGES = [
    "Oppdragsgiver skal avvise et tilbud som inneholder vesentlige avvik fra anskaffelsesdokumentene.",
    "Kunngjøringen skal beskrive behovet, ikke løsningen, slik at leverandørene kan tilby nye tjenester.",
    "Kommunen kjøper brøyting av veier fra lokale entreprenører hver vinter.",
]


def test_nynorsk_words_get_their_bokmal_forms():
    expanded = expand_query("Korleis skal oppdragsgjevar skildre behovet i kunngjeringa utan å låse løysinga?")
    for word in ("oppdragsgiver", "beskrive", "kunngjøring", "løsning"):
        assert word in expanded.split()


def test_bokmal_questions_are_left_as_they_are():
    question = "Når må oppdragsgiver avvise et tilbud, og hvordan beskriver vi tjenestene?"
    assert expand_query(question) == question


def test_a_nynorsk_question_finds_the_bokmal_passage_through_the_expansion():
    lexical = LexicalIndex(PASSAGES)
    question = "Når må oppdragsgjevaren avvise eit tilbod?"
    plain = lexical.search(question, 3)
    expanded = lexical.search(expand_query(question), 3)
    assert expanded[0][0] == 0
    assert expanded[0][1] > (plain[0][1] if plain and plain[0][0] == 0 else 0.0)


def test_everyday_words_get_the_corpus_terms():
    assert "plikt" in expand_query("Er kommunen lovpålagt å bruke dynamiske innkjøpsordninger?").split()
    assert "virkemidler" in expand_query("Hvilke støtteordninger kan en fylkeskommune søke?").split()
    assert "oppstartsselskap" in expand_query("Kan vi kjøpe fra gründerbedrifter?").split()
    assert "oppstartsselskap" in expand_query("Can we buy from start-ups?").split()
    # The whole word only: «pålagte» (a different inflection the pattern does not list) and «plikt» itself add nothing.
    assert expand_query("Har vi plikt til å kunngjøre?") == "Har vi plikt til å kunngjøre?"


def test_an_obligation_question_finds_the_passage_on_the_duty():
    lexical = LexicalIndex([
        "Regelverket inneholder ingen plikt til å kjøpe elektriske kjøretøy; det er opp til virksomheten.",
        "Kommunen kan kjøpe elektriske kjøretøy gjennom en rammeavtale med flere leverandører.",
    ])
    question = "Er vi pålagt å kjøpe elektriske kjøretøy?"
    plain = dict(lexical.search(question, 2))
    expanded = lexical.search(expand_query(question), 2)
    assert expanded[0][0] == 0
    assert expanded[0][1] > plain.get(0, 0.0)
    assert dict(expanded).get(1) == plain.get(1)


def test_a_described_pre_commercial_procurement_gets_its_name():
    # Worded unlike the cards' paraphrases: paying for development with no duty to buy, R&D services, prototypes.
    for question in ("Kan vi gi noen leverandører betalt for å lage hver sin prøveløsning, uten at vi lover å kjøpe noe?",
                     "Vi ønsker å finansiere utviklingen av nye løsninger hos flere bedrifter parallelt.",
                     "Kan vi kjøpe FoU-tjenester fra to firmaer og la dem beholde rettighetene?",
                     "We want to pay three companies to build prototypes without committing to buy anything."):
        assert "førkommersiell anskaffelse" in expand_query(question), question


def test_development_then_purchase_in_one_contract_gets_innovation_partnership():
    assert "innovasjonspartnerskap" in expand_query("Kan leverandøren først utvikle løsningen og vi så kjøpe den i samme kontrakt?")
    assert "innovasjonspartnerskap" in expand_query("Can the supplier develop it and we then buy it under the same contract?")


def test_development_alone_or_a_prototype_test_adds_no_procedure():
    # The lookaheads keep to one sentence and need the no-duty-to-buy or one-contract part.
    for question in ("Hvorfor lønner det seg å teste halvferdige prototyper tidlig?",
                     "Vi skal utvikle en ny tjeneste internt. Uten tvil blir det dyrt.",
                     "Kan vi utvikle kravene uten leverandørene?"):
        expanded = expand_query(question)
        assert "førkommersiell" not in expanded and "innovasjonspartnerskap" not in expanded, question
