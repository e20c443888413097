"""``clusterhub match``: the JSON Lines contract of shared/formats/matching.md, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
from matching_demo import DEMO, DEMO_TIES

from clusterlogic.matching.cli import main


def _write(path: Path, lines: list[object]) -> Path:
    path.write_text(
        "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines),
        encoding="utf-8",
    )
    return path


@pytest.fixture
def orgs(tmp_path: Path) -> Path:
    return _write(tmp_path / "orgs.jsonl", [{**asdict(o), "themes": list(o.themes)} for o in DEMO])


@pytest.fixture
def ties(tmp_path: Path) -> Path:
    return _write(tmp_path / "ties.jsonl", [asdict(t) for t in DEMO_TIES])


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, Any]], str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, [json.loads(line) for line in captured.out.splitlines()], captured.err


def test_every_line_used_exits_zero_one_line_per_query_in_order(
    tmp_path: Path, orgs: Path, ties: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    queries = _write(
        tmp_path / "q.jsonl",
        [{"id": "b", "org": "glas"}, {"id": "a", "text": "Wasserstoff"}, {"id": "c", "org": "uni"}],
    )
    code, out, err = _run(capsys, str(orgs), str(queries), "--ties", str(ties))
    assert code == 0, err
    assert [line["query"] for line in out] == ["b", "a", "c"]
    for line in out:
        ranked = line["ranked"]
        assert isinstance(ranked, list)
        scores = [r["score"] for r in ranked]
        assert scores == sorted(scores, reverse=True)
        assert all(isinstance(r["why"], str) and r["why"] for r in ranked)


def test_k_limits_the_list_and_the_asker_is_never_suggested(
    tmp_path: Path, orgs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    queries = _write(tmp_path / "q.jsonl", [{"id": "q", "org": "brenner"}])
    for k in ("0", "2", "50"):
        code, out, _ = _run(capsys, str(orgs), str(queries), "--k", k)
        ids = [r["id"] for r in out[0]["ranked"]]
        assert code == 0
        assert len(ids) == min(int(k), len(DEMO) - 1)
        assert "brenner" not in ids


def test_kinds_and_exclude_filter_the_suggestions(
    tmp_path: Path, orgs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    queries = _write(
        tmp_path / "q.jsonl",
        [
            {"id": "r", "text": "Wasserstoff", "kinds": ["research", "university"]},
            {"id": "x", "org": "glas", "exclude": ["brenner", "elektrolyse"]},
        ],
    )
    code, out, _ = _run(capsys, str(orgs), str(queries))
    kinds = {o.id: o.kind for o in DEMO}
    assert code == 0
    research = [r["id"] for r in out[0]["ranked"]]
    assert research and {kinds[i] for i in research} <= {"research", "university"}
    excluded = {r["id"] for r in out[1]["ranked"]}
    assert excluded.isdisjoint({"brenner", "elektrolyse", "glas"})


def test_bad_lines_are_reported_with_file_and_line_and_the_rest_ranked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    orgs = tmp_path / "orgs.jsonl"
    orgs.write_bytes(
        b'{"id": "a", "kind": "company", "text": "Wasserstoff"}\n'
        b'{"id": "a", "kind": "research"}\n'  # 2: duplicate id
        b'{"id": "e"}\n'  # 3: empty profile
        b'{"id": "b", "text": "Gr\xfcn"}\n'  # 4: Latin-1, not UTF-8
        b"not json\n"  # 5
        b'{"id": "c", "kind": "research", "text": "Wasserstoff Forschung"}\n'
    )
    ties = _write(tmp_path / "t.jsonl", [{"a": "a", "b": "zz"}, {"a": "a", "b": "c"}])
    queries = _write(
        tmp_path / "q.jsonl",
        [{"id": "1", "org": "a"}, {"id": "2", "org": "nobody"}, "[1]", {"id": "1", "text": "x"}],
    )
    code, out, err = _run(capsys, str(orgs), str(queries), "--ties", str(ties))
    assert code == 1
    assert [line["query"] for line in out] == ["1"]
    for where in (
        f"{orgs}:2:",
        f"{orgs}:3:",
        f"{orgs}:4:",
        f"{orgs}:5:",
        f"{ties}:1:",
        f"{queries}:2:",
        f"{queries}:3:",
        f"{queries}:4:",
    ):
        assert where in err
    assert "duplicate id 'a'" in err and "not UTF-8" in err and "unknown organisation" in err


def test_nothing_rankable_exits_two(
    tmp_path: Path, orgs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    queries = _write(tmp_path / "q.jsonl", [{"id": "1", "org": "nobody"}])
    code, out, err = _run(capsys, str(orgs), str(queries))
    assert (code, out) == (2, [])
    assert "nothing could be ranked" in err


def test_missing_file_and_bad_arguments_exit_two(
    tmp_path: Path, orgs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(capsys, str(orgs), str(tmp_path / "missing.jsonl"))[0] == 2
    assert _run(capsys, str(orgs))[0] == 2
    assert _run(capsys, str(orgs), str(orgs), "--method", "magic")[0] == 2
    assert _run(capsys, str(orgs), str(orgs), "--k", "-1")[0] == 2


def test_each_baseline_method_runs_through_the_same_command(
    tmp_path: Path, orgs: Path, ties: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    queries = _write(tmp_path / "q.jsonl", [{"id": "q", "org": "glas"}])
    for method in ("popular", "adamic-adar", "themes", "text", "combined"):
        code, out, _ = _run(
            capsys, str(orgs), str(queries), "--ties", str(ties), "--method", method
        )
        assert code == 0
        assert len(out[0]["ranked"]) == len(DEMO) - 1
    code, out, _ = _run(capsys, str(orgs), str(queries), "--ties", str(ties), "--method", "popular")
    assert out[0]["ranked"][0]["id"] == "elektrolyse"


def test_console_script_dispatches_match(tmp_path: Path, orgs: Path) -> None:
    queries = _write(tmp_path / "q.jsonl", [{"id": "q", "text": "circular economy"}])
    done = subprocess.run(
        [sys.executable, "-m", "clusterlogic.cli", "match", str(orgs), str(queries), "--k", "1"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["ranked"][0]["id"] == "recycling"


def test_byte_order_mark_does_not_cost_the_first_line(
    tmp_path: Path, orgs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with_bom = tmp_path / "orgs-bom.jsonl"
    with_bom.write_bytes(b"\xef\xbb\xbf" + orgs.read_bytes())
    queries = _write(tmp_path / "q.jsonl", [{"id": "q", "org": DEMO[0].id}])
    queries.write_bytes(b"\xef\xbb\xbf" + queries.read_bytes())
    code, out, err = _run(capsys, str(with_bom), str(queries), "--k", str(len(DEMO)))
    assert code == 0, err
    assert err == ""
    assert [line["query"] for line in out] == ["q"]
    assert DEMO[0].id not in {r["id"] for r in out[0]["ranked"]}
