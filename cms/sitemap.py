"""/sitemap.xml: every live public page of every language tree, each address once.

Wagtail's own sitemap lists the site's root page and its descendants: the Dutch tree only.
A translation has its own address (/en/...), so it is listed too, once.
"""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class EveryLanguageSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q()
        for tree_root in root.get_translations(inclusive=True):
            trees |= Q(path__startswith=tree_root.path)
        return (
            Page.objects.filter(trees)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


SITEMAPS = {"wagtail": EveryLanguageSitemap}
