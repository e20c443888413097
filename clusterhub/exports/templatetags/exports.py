"""``{% export_links "organisationen" %}``: the list's export links with the page's filter."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse

from clusterhub.exports.files import formats_of

register = template.Library()
ORDER = ["csv", "xlsx", "vcf", "ics"]


@register.inclusion_tag("exports/partials/links.html", takes_context=True)
def export_links(context: dict[str, Any], list_name: str, label: str = "") -> dict[str, Any]:
    request = context.get("request")
    query = request.GET.urlencode() if request is not None else ""
    links = [
        (
            file_format,
            reverse("exports:list", args=[list_name, file_format]) + (f"?{query}" if query else ""),
        )
        for file_format in ORDER
        if file_format in formats_of(list_name)
    ]
    return {"links": links, "label": label}
