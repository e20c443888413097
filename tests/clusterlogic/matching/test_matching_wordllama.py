"""The packaged sentence encoder (the ``embeddings`` extra, WordLlama): offline, unit rows,
and needs said in other words than the right partner's profile, in German and English.

CI installs the extra (``make install`` takes ``.[dev,embeddings]``), so nothing here skips."""

from __future__ import annotations

import json
import logging
import pickle
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterlogic.matching import Organisation, Query, build_index, encoders
from clusterlogic.matching.cli import main
from clusterlogic.matching.encoders import WordLlamaEncoder, installed_encoder

# Each profile avoids the words of the needs below, so BM25 alone cannot find it.
PROFILES = (
    Organisation(
        id="spedition",
        name="Spedition Rhein-Neckar",
        kind="company",
        text="Lagerhaltung, Lkw-Transporte und Zustellung von Paketen",
    ),
    Organisation(
        id="solar",
        name="Sonnenstrom GmbH",
        kind="company",
        text="Photovoltaik-Anlagen und Batteriespeicher für Dächer",
    ),
    Organisation(
        id="software",
        name="Softwarehaus Kurpfalz",
        kind="company",
        text="Buchhaltungsprogramme und Cloud-Dienste für Kanzleien",
    ),
    Organisation(
        id="klinik",
        name="Universitätsklinikum",
        kind="public",
        text="Patientenstudien, Kardiologie und Chirurgie",
    ),
    Organisation(
        id="baeckerei",
        name="Bäckerei Müller",
        kind="company",
        text="Brot, Brötchen und Kuchen aus der Region",
    ),
    Organisation(
        id="sicherheit",
        name="Sicher IT",
        kind="company",
        text="Penetrationstests, Firewalls und Schutz vor Hackerangriffen",
    ),
    Organisation(
        id="hochschule",
        name="Hochschule Mannheim",
        kind="university",
        text="Studiengänge in Maschinenbau und Informatik, Forschung zu Robotern",
    ),
)
PARAPHRASED_NEEDS = [
    ("Energie aus Sonnenlicht", "solar"),
    ("Industrieroboter entwickeln mit Studierenden", "hochschule"),
    ("a hospital to run a clinical trial of our medical device", "klinik"),
    ("our company network was hacked, we need cyber defence", "sicherheit"),
    ("we want solar panels on our factory roof", "solar"),
]


def test_the_extra_provides_the_packaged_encoder() -> None:
    assert isinstance(installed_encoder(), WordLlamaEncoder)


def test_without_the_package_or_its_shipped_files_there_is_no_encoder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(encoders, "_wordllama_package_dir", lambda: None)
    assert installed_encoder() is None
    (tmp_path / "weights").mkdir()  # a wordllama build whose wheel lacks the weights
    monkeypatch.setattr(encoders, "_wordllama_package_dir", lambda: tmp_path)
    assert installed_encoder() is None


@pytest.mark.parametrize(("need", "expected"), PARAPHRASED_NEEDS)
def test_a_need_in_other_words_finds_the_right_partner_that_bm25_misses(
    need: str, expected: str
) -> None:
    lexical = build_index(PROFILES)
    position = lexical.position[expected]
    assert position not in lexical.text.scores(need).indices  # no word in common
    assert lexical.rank(Query(id="q", text=need), k=1)[0].id != expected

    best = build_index(PROFILES, encoder=installed_encoder()).rank(Query(id="q", text=need), k=1)
    assert best[0].id == expected
    assert "embedding_match" in {part.code for part in best[0].reasons}


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(max_size=60), max_size=6))
def test_rows_are_unit_length_float32_and_a_text_without_tokens_is_zero(texts: list[str]) -> None:
    vectors = WordLlamaEncoder().encode(texts)
    assert vectors.dtype == np.float32
    assert vectors.shape == (len(texts), encoders.WORDLLAMA_DIMENSIONS)
    norms = np.linalg.norm(vectors, axis=1)
    for text, norm in zip(texts, norms, strict=True):
        assert norm == pytest.approx(1.0, abs=1e-5) if text else norm == 0.0


def test_batching_by_length_keeps_each_row_with_its_text() -> None:
    texts = [o.text for o in PROFILES] + ["kurz", "ein deutlich längerer Satz " * 8]
    together = WordLlamaEncoder(batch_size=3).encode(texts)
    alone = np.vstack([WordLlamaEncoder().encode([text]) for text in texts])
    np.testing.assert_allclose(together, alone, atol=1e-5)


def test_truncated_dimensions_are_unit_rows_too() -> None:
    vectors = WordLlamaEncoder(dimensions=64).encode(["Wasserstoff", "hydrogen"])
    assert vectors.shape == (2, 64)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_model_loads_from_the_wheel_without_any_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the encoder tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    encoders._wordllama_model.cache_clear()
    try:
        vectors = WordLlamaEncoder().encode(["Wasserstoff-Brenner für Glasöfen"])
    finally:
        encoders._wordllama_model.cache_clear()
    assert np.linalg.norm(vectors[0]) == pytest.approx(1.0, abs=1e-5)


def test_encoder_pickles_without_its_model_and_encodes_the_same() -> None:
    encoder = WordLlamaEncoder()
    before = encoder.encode(["Kreislaufwirtschaft"])
    data = pickle.dumps(encoder)
    assert len(data) < 1000  # the index store pickles the encoder with every index
    np.testing.assert_array_equal(pickle.loads(data).encode(["Kreislaufwirtschaft"]), before)


def test_loading_the_model_leaves_the_host_programs_logging_alone() -> None:
    script = (
        "import logging\n"
        "from clusterlogic.matching.encoders import WordLlamaEncoder\n"
        "WordLlamaEncoder().encode(['x'])\n"
        "root = logging.getLogger()\n"
        "print(len(root.handlers), root.level)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["0", str(logging.WARNING)]


def _cli_output(tmp_path: Path, capsys: pytest.CaptureFixture[str], *options: str) -> list[str]:
    orgs = tmp_path / "orgs.jsonl"
    orgs.write_text(
        "".join(
            json.dumps({"id": o.id, "name": o.name, "kind": o.kind, "text": o.text}) + "\n"
            for o in PROFILES
        ),
        encoding="utf-8",
    )
    queries = tmp_path / "queries.jsonl"
    queries.write_text(json.dumps({"id": "q", "text": PARAPHRASED_NEEDS[0][0]}) + "\n")
    assert main([str(orgs), str(queries), "--k", "3", *options]) == 0
    ranked = json.loads(capsys.readouterr().out)["ranked"]
    return [f"{r['id']}: {r['why']}" for r in ranked]


def test_command_line_uses_the_embeddings_unless_told_not_to(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with_embeddings = _cli_output(tmp_path, capsys)
    assert with_embeddings[0] == "solar: similar profile text"
    without = _cli_output(tmp_path, capsys, "--no-embeddings")
    assert not any("similar profile text" in line for line in without)
    assert not without[0].startswith("solar")
