import os

from django.core.wsgi import get_wsgi_application

from config.heap import freeze_long_lived

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()
# Import the URLconf, and with it every view module, while the process boots rather than in
# the first request it serves (that request, the first after each start and each recycling
# of a gunicorn worker, would otherwise wait a second or two for the imports); then keep the
# process's long-lived objects out of the collector's full collections (config.heap).
freeze_long_lived()
