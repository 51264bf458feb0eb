"""Issue 22 item 6: a new passphrase has at least 12 characters and is not a common one, on every path."""

from __future__ import annotations

import io

import pytest

from seilocal.store.passphrase_rules import (
    MIN_PASSPHRASE,
    new_passphrase_problem,
    passphrase_hint_da,
    passphrase_hint_en,
    passphrase_problem,
)


@pytest.mark.parametrize(("text", "problem"), [
    ("kort", "short"),
    ("elleve tegn", "short"),  # 11
    ("12345678", "short"),  # enough before issue 22
    ("password1234", "common"),
    ("Adgangskode123", "common"),
    ("aaaaaaaaaaaaaaa", "common"),
    ("abcabcabcabc", "common"),
    ("kaffe cykel regn vindue", None),
    ("klinikkens hemmelighed", None),
    ("tolv tegn ok", None),
])
def test_the_rule(text, problem):
    assert passphrase_problem(text) == problem


def test_the_danish_hint_says_how_to_choose_one():
    assert f"mindst {MIN_PASSPHRASE} tegn" in passphrase_hint_da("short")
    assert "fire almindelige ord" in passphrase_hint_da("common")


@pytest.mark.parametrize(("first", "again", "problem"), [
    ("kort", "kort", "short"),  # the rule first: a short one typed twice alike is still short
    ("password1234", "password1234", "common"),
    ("kaffe cykel regn vindue", "kaffe cykel regn vinduet", "mismatch"),
    ("kaffe cykel regn vindue", "kaffe cykel regn vindue", None),
])
def test_a_new_passphrase_typed_twice_the_same_rule_for_every_page(first, again, problem):
    assert new_passphrase_problem(first, again) == problem
    if problem:  # each refusal has its message in both languages
        assert passphrase_hint_da(problem) and passphrase_hint_en(problem)


def test_two_different_passphrases_are_named_as_such():
    assert passphrase_hint_da("mismatch") == "De to adgangssætninger er ikke ens."
    assert passphrase_hint_en("mismatch") == "the two passphrases differ"


def test_the_command_line_refuses_a_short_new_passphrase(tmp_path, monkeypatch, capsys):
    from seilocal.cli import main
    from seilocal.store import open_store

    data = tmp_path / "data"
    open_store(data, passphrase="den rigtige sætning").close()
    monkeypatch.setattr("sys.stdin", io.StringIO("den rigtige sætning\nelleve tegn\nelleve tegn\n"))
    assert main(["--data-dir", str(data), "encryption", "passphrase"]) == 2
    assert f"at least {MIN_PASSPHRASE} characters" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("den rigtige sætning\npassword1234\npassword1234\n"))
    assert main(["--data-dir", str(data), "encryption", "passphrase"]) == 2
    assert "too easy to guess" in capsys.readouterr().err


def test_the_cli_prompt_for_a_new_folder_asks_again_for_a_short_one(tmp_path, monkeypatch, capsys):
    from seilocal.cli import unlock as cli_unlock
    from seilocal.store import keys

    monkeypatch.delenv(keys.ENV_PASSPHRASE)
    monkeypatch.setattr(keys, "keyring_store", lambda check, key: False)
    answers = iter(["elleve tegn", "kaffe cykel regn vindue", "kaffe cykel regn vindue"])
    monkeypatch.setattr(cli_unlock.getpass, "getpass", lambda prompt: next(answers))
    data = tmp_path / "data"
    data.mkdir()
    assert cli_unlock.prompt_unlock(data, new=True)
    assert f"at least {MIN_PASSPHRASE} characters" in capsys.readouterr().err
    keys.forget_all()
    assert keys.unlock(data, "kaffe cykel regn vindue")
