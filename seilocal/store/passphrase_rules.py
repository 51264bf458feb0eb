"""What a new passphrase must be: at least MIN_PASSPHRASE characters, and not one of the passphrases everybody
tries first. One rule for the pages and the command line (issue 22: 8 characters were enough before).

The folder's key is wrapped with scrypt; a passphrase of four ordinary words (about 20 characters) is far beyond
guessing, a short or common one is not. The list below is deliberately small: what passes the length and is still
typed by people (keyboard rows, repeated words, the program's own name), not a dictionary.
"""

from __future__ import annotations

import re

MIN_PASSPHRASE = 12

_COMMON = {
    "adgangskode123", "adgangssætning", "adgangssaetning", "hemmelighed123", "sommerhus123", "password1234",
    "password12345", "passwordpassword", "passw0rd1234", "qwertyuiopå", "qwertyuiop123", "qwertyuiopasdf",
    "1234567890ab", "123456789012", "1234567890123", "abcdefghijkl", "abc123abc123", "iloveyou1234",
    "seilpr lokal", "seilprlokal1", "sei-lpr lokal", "lpr3lpr3lpr3", "velkommen123", "velkommen1234",
    "klinikken123", "klinik123456", "danmark12345", "danmark123456", "letmein12345", "welcome12345",
}


def passphrase_problem(text: str) -> str | None:
    """Why `text` is no passphrase: "short", "common" (a known or trivial one), or None when it will do."""
    if len(text) < MIN_PASSPHRASE:
        return "short"
    folded = text.casefold().strip()
    if folded in _COMMON or len(set(folded)) <= 3 or re.fullmatch(r"(.{1,6})\1+", folded):
        return "common"  # a listed one, few distinct characters, or a short piece repeated ("abcabcabcabc")
    return None


def new_passphrase_problem(first: str, again: str) -> str | None:
    """Why a new passphrase typed twice is refused: `passphrase_problem`'s kinds, "mismatch", or None."""
    return passphrase_problem(first) or ("mismatch" if first != again else None)


def passphrase_hint_da(problem: str) -> str:
    """The Danish message for a refused new passphrase, with a hint how to choose one."""
    if problem == "mismatch":
        return "De to adgangssætninger er ikke ens."
    hint = ("Brug gerne fire almindelige ord med mellemrum, fx »kaffe cykel regn vindue«: let at huske, "
            "svær at gætte.")
    if problem == "short":
        return f"Adgangssætningen skal have mindst {MIN_PASSPHRASE} tegn. {hint}"
    return f"Adgangssætningen er for let at gætte (den bruges af mange eller gentager sig selv). {hint}"


def passphrase_hint_en(problem: str) -> str:
    """The English message for the command line."""
    if problem == "mismatch":
        return "the two passphrases differ"
    if problem == "short":
        return f"the passphrase needs at least {MIN_PASSPHRASE} characters (four ordinary words work well)"
    return "the passphrase is too easy to guess (a common one, or repeating itself); four ordinary words work well"
