"""``clusterhub dedupe`` follows shared/formats/dedupe.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clusterlogic.cli import main


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_pairs_are_written_best_first_with_a_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = _write(
        tmp_path / "records.jsonl",
        [
            json.dumps({"id": "r1", "name": "Pepperl+Fuchs SE", "city": "Mannheim"}),
            json.dumps({"id": "r7", "name": "Pepperl + Fuchs AG", "city": "Mannheim"}),
            json.dumps(
                {"id": "r8", "name": "Pepperl Fuchs", "city": "Mannheim", "postcode": "68307"}
            ),
            json.dumps({"id": "r9", "name": "Technoseum"}),
        ],
    )
    assert main(["dedupe", str(records)]) == 0
    pairs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {frozenset((p["a"], p["b"])) for p in pairs} == {
        frozenset(ids) for ids in [("r1", "r7"), ("r1", "r8"), ("r7", "r8")]
    }
    assert [p["score"] for p in pairs] == sorted((p["score"] for p in pairs), reverse=True)
    first = next(p for p in pairs if {p["a"], p["b"]} == {"r1", "r7"})
    assert first["why"] == "same name apart from the legal form (SE / AG); same city (Mannheim)"
    assert set(first) == {"a", "b", "score", "why"}


def test_the_threshold_leaves_out_weaker_pairs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = _write(
        tmp_path / "records.jsonl",
        [
            json.dumps({"id": 1, "name": "Seniorenbüro Durlach e.V."}),
            json.dumps({"id": 2, "name": "Seniorenclub Durlach e.V."}),
        ],
    )
    assert main(["dedupe", str(records), "--threshold", "0.5"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1
    assert main(["dedupe", str(records), "--threshold", "0.99"]) == 0
    assert capsys.readouterr().out == ""


def test_bad_lines_are_reported_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = _write(
        tmp_path / "records.jsonl",
        [
            json.dumps({"id": "r1", "name": "BASF SE"}),
            "not json",
            json.dumps({"id": "r2"}),
            json.dumps({"id": "r1", "name": "again"}),
            json.dumps({"id": "r3", "name": "BASF AG"}),
        ],
    )
    assert main(["dedupe", str(records)]) == 1
    captured = capsys.readouterr()
    assert f"{records}:2: not JSON" in captured.err
    assert f"{records}:3: no name" in captured.err
    assert f"{records}:4: id 'r1' seen before" in captured.err
    assert json.loads(captured.out)["a"] == "r1"


@pytest.mark.parametrize("content", ["", "broken\n", '{"id": "x"}\n'])
def test_nothing_to_compare_exits_2(
    tmp_path: Path, content: str, capsys: pytest.CaptureFixture[str]
) -> None:
    records = tmp_path / "records.jsonl"
    records.write_text(content, encoding="utf-8")
    assert main(["dedupe", str(records)]) == 2
    assert capsys.readouterr().out == ""


def test_a_missing_file_or_bad_threshold_exits_2(tmp_path: Path) -> None:
    assert main(["dedupe", str(tmp_path / "missing.jsonl")]) == 2
    records = _write(tmp_path / "r.jsonl", [json.dumps({"id": "a", "name": "A"})])
    assert main(["dedupe", str(records), "--threshold", "2"]) == 2
