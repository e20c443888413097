"""A joint stand at a fair that is still ahead."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from clusterhub.clusters.models import Cluster
from clusterhub.support.models import JointStand


def make_stand(cluster: Cluster, **fields: object) -> JointStand:
    starts = timezone.localdate() + dt.timedelta(days=120)
    defaults: dict[str, object] = {
        "fair": "Hannover Messe 2027",
        "slug": "hannover-messe-2027",
        "place": "Hannover, Halle 16",
        "starts_on": starts,
        "ends_on": starts + dt.timedelta(days=4),
        "cluster": cluster,
        "places": 3,
        "total_cost": Decimal("30000.00"),
    }
    return JointStand.objects.create(**{**defaults, **fields})
