"""The web process freezes its long-lived objects (config.heap): the collector's full
collections then skip them."""

from __future__ import annotations

import gc

from config.heap import freeze_long_lived


def test_objects_alive_at_start_up_are_out_of_the_collectors_generations() -> None:
    long_lived = [object()]
    try:
        frozen = freeze_long_lived()
        assert frozen == gc.get_freeze_count() > 0
        assert all(item is not long_lived for item in gc.get_objects())
        made_later = [object()]
        assert any(item is made_later for item in gc.get_objects())
    finally:
        gc.unfreeze()
    assert any(item is long_lived for item in gc.get_objects())
