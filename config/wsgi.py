import os

from django.core.wsgi import get_wsgi_application

from config.heap import freeze_long_lived

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()
# The process's long-lived objects out of the collector's full collections (config.heap).
freeze_long_lived()
