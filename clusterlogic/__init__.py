"""Plain-Python algorithms of clusterhub: matching, scheduling, analytics, de-duplication.

Nothing here imports Django or ``clusterhub``; data goes in and out as plain values and
frozen dataclasses, so each algorithm can be tested and benchmarked on its own.
"""
