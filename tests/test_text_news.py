"""Sentences, tokens and news furniture, on our own snippets."""

from routes.news import read_structure
from routes.text import sentences, tokenize
from tests import cases


def test_tokens_keep_offsets_and_abbreviations():
    text = "Kim's train left the U.S. for St. Louis, Mo., at 6 a.m."
    tokens = tokenize(text)
    assert all(text[t.start:t.end] == t.text for t in tokens)
    assert "U.S." in [t.text for t in tokens]
    assert "Kim's" in [t.text for t in tokens]


def test_tokens_of_every_shape():
    text = ("  Đồng Đăng's Russian-backed anti-Russian Stratford-upon-Avon Jong-un 1,200 9:30 "
            "W.Va. a.m. Smith., he said: \"Łódź?\" Kim’s")
    assert [t.text for t in tokenize(text)] == [
        "Đồng", "Đăng's", "Russian", "-", "backed", "anti", "-", "Russian", "Stratford-upon-Avon",
        "Jong-un", "1,200", "9:30", "W.Va.", "a.m.", "Smith.", ",", "he", "said", ":", '"',
        "Łódź", "?", '"', "Kim’s"]
    assert all(text[t.start:t.end] == t.text for t in tokenize(text))
    assert [t.text for t in tokenize(text, 2, 11)] == ["Đồng", "Đăng"]


def test_a_party_letter_stands_apart_from_the_state_after_it():
    text = "Rep. Ann Lee, D-N.Y., and Sen. Bo Cruz (R-Ky.) met on D-Day."
    words = [t.text for t in tokenize(text)]
    assert words[5:8] == ["D", "-", "N.Y."] and words[15:18] == ["R", "-", "Ky"]
    assert [t.text for t in tokenize("D-Day and the T-Mobile shop")][:3] == ["D", "-", "Day"]
    assert tokenize("Mary-Lou of Stratford-upon-Avon")[0].text == "Mary-Lou"


def test_sentences_respect_abbreviations():
    text = "Gov. Smith flew to Washington on Sept. 12. He met the U.S. envoy. Then he left."
    found = [text[s.start:s.end] for s in sentences(text)]
    assert found == ["Gov. Smith flew to Washington on Sept. 12.", "He met the U.S. envoy.",
                     "Then he left."]


def test_sentences_end_at_questions_and_exclamations():
    text = "Was it Paris? It was! He left at 6 a.m. on Monday. The end"
    found = [text[s.start:s.end] for s in sentences(text)]
    assert found == ["Was it Paris?", "It was!", "He left at 6 a.m. on Monday.", "The end"]


def test_blank_line_ends_a_sentence():
    text = "A headline without a stop\n\nThe story starts here."
    assert len(sentences(text)) == 2


def test_dateline_and_published_date():
    structure = read_structure(cases.DATELINE)
    assert structure.dateline.place == "TOKYO"
    assert structure.dateline.month_day == (3, 3)
    assert structure.dateline.agency == "Kyodo"
    header = read_structure(" date 2024-05-06 (ATTN: adds map)\n\nBy Ann Lee\n\nOSAKA -- Text.")
    assert header.published.isoformat() == "2024-05-06"
    assert header.dateline.place == "OSAKA"
    assert header.in_furniture(3) and header.byline is not None


def test_captions_are_found():
    text = "Story text.\n\nview larger image This file photo shows the port. (Agency)\n\nMore."
    structure = read_structure(text)
    assert len(structure.captions) == 1
    assert structure.in_caption(text.index("port"))
    assert not structure.in_caption(text.index("More"))


def test_no_dateline_in_plain_prose():
    assert read_structure(cases.NO_PLACES).dateline is None
