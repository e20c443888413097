"""The European Waste Catalogue (EWC; in Germany the Abfallverzeichnis-Verordnung, AVV):
842 six-digit codes in 20 chapters, German and English names, hazardous or not.

Read from ``data/ewc.json``, made from the ontology ewc-onto (K. Schmidt, DBFZ; CC BY 4.0),
which encodes Commission Decision 2014/955/EU and its German version; see ``data/SOURCE.md``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext as _

DATA = Path(__file__).resolve().parent / "data" / "ewc.json"
ATTRIBUTION = (
    "Abfallverzeichnis nach Entscheidung 2014/955/EU (AVV); maschinenlesbar aus ewc-onto "
    "(K. Schmidt, DBFZ), CC BY 4.0"
)


@dataclass(frozen=True)
class WasteCode:
    code: str
    name_de: str
    name_en: str
    hazardous: bool

    @property
    def spaced(self) -> str:
        """As the AVV prints it: ``17 04 05``, hazardous ones with a star (``17 04 09*``)."""
        text = f"{self.code[:2]} {self.code[2:4]} {self.code[4:]}"
        return text + "*" if self.hazardous else text

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "de").startswith("en") else self.name_de


@cache
def _data() -> dict[str, dict[str, list[object]]]:
    loaded: dict[str, dict[str, list[object]]] = json.loads(DATA.read_text("utf-8"))
    return loaded


@cache
def codes() -> dict[str, WasteCode]:
    return {
        code: WasteCode(code, str(de), str(en), bool(hazardous))
        for code, (de, en, hazardous) in _data()["codes"].items()
    }


def chapter_name(code: str) -> str:
    de, en = _data()["chapters"].get(code[:2], ["", ""])
    return str(en if (get_language() or "de").startswith("en") else de)


def normalised(text: str) -> str:
    """``17 04 05``, ``17.04.05``, ``170405*`` → ``170405``."""
    return re.sub(r"[\s.*/-]", "", text or "")


def lookup(text: str) -> WasteCode:
    """The code typed in any usual spelling; ValidationError naming it when it is not one."""
    code = codes().get(normalised(text))
    if code is None:
        raise ValidationError(
            _("„%(code)s“ ist kein Abfallschlüssel des Abfallverzeichnisses (sechs Ziffern).")
            % {"code": text},
            code="unknown_ewc",
        )
    return code
