"""The stages of an innovation project and which moves between them are allowed.

idea → consortium forming → proposal in preparation → submitted → funded / rejected →
running → completed; one step back is allowed before submission, and a rejected idea may
start again as an idea. Plain Python: the board, the form and the tests ask the same rule.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class Stage(models.TextChoices):
    IDEA = "idea", gettext_lazy("Idee")
    FORMING = "forming", gettext_lazy("Konsortium im Aufbau")
    PROPOSAL = "proposal", gettext_lazy("Antrag in Vorbereitung")
    SUBMITTED = "submitted", gettext_lazy("Eingereicht")
    FUNDED = "funded", gettext_lazy("Bewilligt")
    REJECTED = "rejected", gettext_lazy("Abgelehnt")
    RUNNING = "running", gettext_lazy("Laufend")
    COMPLETED = "completed", gettext_lazy("Abgeschlossen")


ORDER: list[str] = [
    Stage.IDEA,
    Stage.FORMING,
    Stage.PROPOSAL,
    Stage.SUBMITTED,
    Stage.FUNDED,
    Stage.RUNNING,
    Stage.COMPLETED,
]
MOVES: dict[str, tuple[str, ...]] = {
    Stage.IDEA: (Stage.FORMING,),
    Stage.FORMING: (Stage.PROPOSAL, Stage.IDEA),
    Stage.PROPOSAL: (Stage.SUBMITTED, Stage.FORMING),
    Stage.SUBMITTED: (Stage.FUNDED, Stage.REJECTED),
    Stage.FUNDED: (Stage.RUNNING,),
    Stage.REJECTED: (Stage.IDEA,),
    Stage.RUNNING: (Stage.COMPLETED,),
    Stage.COMPLETED: (),
}


def allowed_moves(stage: str) -> tuple[str, ...]:
    return MOVES.get(stage, ())


def refusal(current: str, target: str) -> str | None:
    """Why the move from ``current`` to ``target`` is refused; None when it is allowed."""
    if target == current:
        return _("Das Projekt ist schon in dieser Phase.")
    if target in allowed_moves(current):
        return None
    if target not in Stage.values:
        return _("Diese Phase gibt es nicht.")
    if current in ORDER and target in ORDER and ORDER.index(target) > ORDER.index(current) + 1:
        skipped = ORDER[ORDER.index(current) + 1]
        return _("„%(target)s“ überspringt die Phase „%(skipped)s“.") % {
            "target": Stage(target).label,
            "skipped": Stage(skipped).label,
        }
    possible = ", ".join(f"„{Stage(s).label}“" for s in allowed_moves(current)) or "–"
    return _("Von „%(current)s“ geht es nur weiter nach: %(possible)s.") % {
        "current": Stage(current).label,
        "possible": possible,
    }
