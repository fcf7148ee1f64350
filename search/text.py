"""Words as the search index keeps them: folded, and stemmed for Latvian and Ukrainian.

PostgreSQL has stemmers for English and Russian but none for Latvian or Ukrainian.
For those two, a light suffix stripper here reduces every form of a word to one
stem ("hakatons", "hakatonā", "hakatonu" to "hakaton"), applied the same way to
the indexed text and to the query. Latin letters lose their diacritics in every
language, so "partneriba" typed without Latvian letters finds "partnerība".
"""

import re
import unicodedata
from functools import lru_cache

WORD = re.compile(r"\w+")
MAX_QUERY_WORDS = 12
# Stems shorter than this are left alone: stripping more would merge unrelated words.
MIN_STEM = 3

# Longest first; written folded (no diacritics), as words are folded before stemming.
LATVIAN_ENDINGS = sorted(
    "iem ajam ajai ajos ajas ejam ejai ejos ejas am as ai os es is us im em um ei "
    "a u i e s o".split(),
    key=len,
    reverse=True,
)
UKRAINIAN_ENDINGS = sorted(
    "ями ами ого ому ими іми ість ості остю ення енню еннями ання анню "
    "ій ий ої ою ею ем ом ам ах ях ів їв ей ям ти ть ся "
    "і и а я у ю е о ь й ї є".split(),
    key=len,
    reverse=True,
)
STEMMED_LANGUAGES = {"lv": LATVIAN_ENDINGS, "uk": UKRAINIAN_ENDINGS}
# PostgreSQL text search configurations; Latvian and Ukrainian arrive pre-stemmed.
CONFIGS = {"en": "english", "ru": "russian", "lv": "simple", "uk": "simple"}


def config_for(language):
    """The PostgreSQL text search configuration for a language code."""
    return CONFIGS.get(language, "simple")


# The highlighter folds every word of each result's snippet and title (for English
# and Russian), the same few hundred words page after page.
@lru_cache(maxsize=10_000)
def fold(word):
    """``word`` in lower case, its Latin letters without diacritics, ё as е."""
    letters = []
    for char in word.lower():
        base = unicodedata.normalize("NFKD", char)[0]
        letters.append(base if base.isascii() else char)
    return "".join(letters).replace("ё", "е")


# A page of results stems the same few hundred words of its snippets again and again.
@lru_cache(maxsize=10_000)
def stem(word, language):
    """The folded word without its inflectional ending, for Latvian and Ukrainian."""
    word = fold(word)
    for ending in STEMMED_LANGUAGES.get(language, ()):
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def words(text):
    """The words of ``text``, in order (letters and digits; no punctuation)."""
    return WORD.findall(text.replace("_", " "))


def normalise(text, language):
    """``text`` as the index stores it: one stem (or folded word) per word."""
    return " ".join(stem(word, language) for word in words(text))


def query_terms(query, language):
    """The query's distinct stems, at most MAX_QUERY_WORDS of them."""
    terms = []
    for word in words(query):
        term = stem(word, language)
        if term not in terms:
            terms.append(term)
    return terms[:MAX_QUERY_WORDS]


def tsquery(terms, any_term=False):
    """A to_tsquery() string matching every term (or any), as a word or its start.

    Terms are letters and digits only, so nothing in them is a tsquery operator.
    """
    operator = " | " if any_term else " & "
    return operator.join(f"'{term}':*" for term in terms)
