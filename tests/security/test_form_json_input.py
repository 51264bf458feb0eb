"""Form JSON from outside (issue 11, findings 5 and 6): duplicate keys, deep nesting and huge files are refused."""

from __future__ import annotations

import pytest

from seilocal.cli import main
from seilocal.model import Form
from seilocal.safe_json import MAX_FORM_BYTES, JsonRefused, load_strict


def _form_text(name: str = "Anna") -> str:
    form = Form()
    form.patient.name = name
    return form.to_json()


def _import(tmp_path, text: str, capsys) -> tuple[int, str]:
    path = tmp_path / "form.json"
    path.write_text(text, encoding="utf-8")
    code = main(["import", str(path), "--data-dir", str(tmp_path / "data")])
    return code, capsys.readouterr().err


def _nothing_stored(tmp_path, capsys) -> None:
    assert main(["show", "1", "--data-dir", str(tmp_path / "data")]) == 1
    capsys.readouterr()


def test_a_plain_form_imports(tmp_path, capsys):
    assert _import(tmp_path, _form_text(), capsys)[0] == 0


def test_a_duplicate_key_is_refused_and_nothing_imported(tmp_path, capsys):
    text = _form_text("Anna")
    twice = text[:-1] + ', "patient": {"cpr": "0101801235", "name": "Bent"}}'
    code, err = _import(tmp_path, twice, capsys)
    assert code == 2
    assert "'patient' occurs twice" in err
    _nothing_stored(tmp_path, capsys)


def test_a_deeply_nested_form_is_refused_with_a_message(tmp_path, capsys):
    deep = "[" * 200_000 + "]" * 200_000
    code, err = _import(tmp_path, _form_text()[:-1] + f', "x": {deep}}}', capsys)
    assert code == 2 and "nested" in err and "Traceback" not in err
    _nothing_stored(tmp_path, capsys)


def test_a_huge_form_is_refused_before_it_is_read(tmp_path, capsys, monkeypatch):
    padding = " " * (MAX_FORM_BYTES + 10)
    code, err = _import(tmp_path, _form_text()[:-1] + padding + "}", capsys)
    assert code == 2 and "more than" in err
    _nothing_stored(tmp_path, capsys)


def test_validate_refuses_the_same_documents(tmp_path, capsys):
    path = tmp_path / "form.json"
    path.write_text(_form_text()[:-1] + ', "status": "draft"}', encoding="utf-8")
    assert main(["validate", str(path), "--data-dir", str(tmp_path / "data")]) == 2
    assert "occurs twice" in capsys.readouterr().err


@pytest.mark.parametrize("text", ['{"a": 1, "a": 2}', '{"a": {"b": 1, "b": 1}}', "[" * 65 + "]" * 65, "{", "x" * 11])
def test_load_strict_refuses(text):
    with pytest.raises(JsonRefused):
        load_strict(text, max_bytes=10 if text == "x" * 11 else MAX_FORM_BYTES)


def test_load_strict_keeps_a_normal_document():
    assert load_strict('{"a": [1, {"b": null}], "c": "é"}') == {"a": [1, {"b": None}], "c": "é"}
