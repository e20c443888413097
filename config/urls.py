from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from clusterhub.api.api import api
from clusterhub.core import views as core_views

urlpatterns: list[URLPattern | URLResolver] = [
    path("i18n/setlang/", core_views.switch_language, name="set_language"),
    path("django-admin/", admin.site.urls),
    # The API is language-neutral: no /en/ prefix, errors and field names the same for all.
    path("api/v1/", api.urls),
]
# German needs no prefix (http://127.0.0.1:8000/ is German whatever the browser asks for);
# English lives under /en/.
urlpatterns += i18n_patterns(
    path("", include("clusterhub.core.urls")),
    path("", include("clusterhub.accounts.urls")),
    path("", include("clusterhub.clusters.urls")),
    path("", include("clusterhub.directory.urls")),
    path("", include("clusterhub.privacy.urls")),
    path("", include("clusterhub.imports.urls")),
    path("", include("clusterhub.exports.urls")),
    path("", include("clusterhub.duplicates.urls")),
    path("", include("clusterhub.api.urls")),
    path("", include("clusterhub.events.urls")),
    path("", include("clusterhub.matchmaking.urls")),
    path("", include("clusterhub.support.urls")),
    path("intern/", include("clusterhub.crm.urls")),
    path("intern/", include("clusterhub.audit.urls")),
    path("intern/", include("clusterhub.partners.urls")),
    path("intern/", include("clusterhub.calls.urls")),
    path("intern/", include("clusterhub.projects.urls")),
    path("intern/auswertungen/", include("clusterhub.insight.urls")),
    prefix_default_language=False,
)

# The site's own error pages, in the visitor's language with the menu (clusterhub.core.errors).
handler400 = "clusterhub.core.errors.bad_request"
handler403 = "clusterhub.core.errors.permission_denied"
handler404 = "clusterhub.core.errors.page_not_found"
handler500 = "clusterhub.core.errors.server_error"
