"""German pages: Django's German formats, with a comma between date and time as in prose.

Only what differs from django/conf/locale/de/formats.py is set here; Django looks up every
other format there. Templates use the names (DATE_FORMAT, SHORT_DATETIME_FORMAT …), never
a format string of their own, so English pages get config/formats/en instead.
"""

DATETIME_FORMAT = "j. F Y, H:i"
