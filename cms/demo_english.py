"""Load the English translations of the demo pages (fixtures/demo/catalogue.en.json).

Each Dutch demo page gets its English translation the way Wagtail and wagtail-localize make
one: ``page.copy_for_translation(english)`` keeps the ``translation_key``, so the two pages
are linked (switcher, hreflang, "Vertalen" in the admin). The copy keeps everything that is
the same in every language (phone, opening hours, places, wijken, themes); only the texts are
replaced by the English ones, and the translation is published. The copied "helpt bij"
phrases and sleutelpersonen keep the ``translation_key`` of their Dutch row (they are
translatable rows), so wagtail-localize sees them as translations of the Dutch ones.

Idempotent: a page that already has an English translation is left as it is (an editor may
have changed it), so running the loader again changes nothing. Themes, target groups and
places are plain snippets with one row for every language, so they are not copied: their
English name and description fill the ``*_en`` fields, where those are still empty.
"""

import html
import json
from pathlib import Path

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from cms.demo import LoadReport
from cms.models import (
    HomePage,
    OrganisationPage,
    Place,
    ServicePage,
    ServicePhrase,
    TargetGroup,
    Theme,
    WijkPage,
)

ENGLISH_CATALOGUE = Path(settings.BASE_DIR) / "fixtures" / "demo" / "catalogue.en.json"
ENGLISH = "en"


def _paragraphs(texts):
    return [("paragraph", f"<p>{html.escape(text)}</p>") for text in texts]


def _english_phrases(copied, texts):
    """The English phrases: the copies of the Dutch ones get the English text in order (so
    each keeps its Dutch phrase's ``translation_key`` for wagtail-localize); an English
    phrase beyond the Dutch ones is a new row of the English page only."""
    phrases = []
    for order, text in enumerate(texts):
        if order < len(copied):
            phrase = copied[order]
            phrase.text = text
        else:
            phrase = ServicePhrase(text=text, sort_order=order)
        phrases.append(phrase)
    return phrases


class EnglishDemoLoader:
    def __init__(self, data: dict):
        self.data = data
        self.report = LoadReport()

    @transaction.atomic
    def run(self) -> LoadReport:
        # Wagtail updates a page's reference index on every save (copy, revision, publish);
        # once per new page at the end is the same index, in a third of the time.
        self.translated = []
        with disable_reference_index_auto_update():
            self._translate_all()
        for page in self.translated:
            ReferenceIndex.create_or_update_for_object(page)
        return self.report

    def _translate_all(self):
        self.english = Locale.objects.get(language_code=ENGLISH)
        self.dutch = Locale.get_default()
        home = HomePage.objects.filter(locale=self.dutch).first()
        if home is None:
            return  # no Dutch demo to translate
        self.fill_labels()
        self._fixed_pages(home)
        for item in self.data["wijken"]:
            self._translate(WijkPage, "wijken", item, self._wijk_texts)
        for item in self.data["organisations"]:
            self._translate(OrganisationPage, "organisations", item, self._organisation_texts)
        for item in self.data["services"]:
            self._translate(ServicePage, "services", item, self._service_texts)

    # -- shared labels: one row for every language, the English beside the Dutch --------
    def fill_labels(self) -> int:
        changed_rows = 0
        fields = {
            "themes": (Theme, {"name": "name_en", "description": "description_en"}),
            "target_groups": (TargetGroup, {"name": "name_en"}),
            "places": (Place, {"description": "description_en"}),
        }
        for kind, (model, english_fields) in fields.items():
            for item in self.data.get(kind, []):
                row = model.objects.filter(slug=item["slug"]).first()
                if row is None:
                    continue
                changed = []
                for key, field in english_fields.items():
                    if item.get(key) and not getattr(row, field):  # keep an editor's text
                        setattr(row, field, item[key])
                        changed.append(field)
                if changed:
                    row.save(update_fields=changed)
                    changed_rows += 1
        return changed_rows

    # -- the page tree -------------------------------------------------------------
    def _fixed_pages(self, home):
        pages = self.data["pages"]
        self._translate_page(home, "pages", self._page_texts(pages.get("home", {})))
        for child in home.get_children().specific():
            texts = pages.get(child.slug)
            if texts is not None:
                self._translate_page(child, "pages", self._page_texts(texts))

    def _translate(self, model, kind, item, texts):
        page = model.objects.filter(locale=self.dutch, slug=item["slug"]).first()
        if page is not None:
            self._translate_page(page, kind, lambda copy: texts(copy, item))

    def _translate_page(self, page: Page, kind: str, apply_texts):
        if page.get_translation_or_none(self.english) is not None:
            return
        if not page.live:
            return  # only what residents see in Dutch gets an English twin
        translated = page.copy_for_translation(self.english)
        apply_texts(translated)
        translated.save_revision().publish()
        self.translated.append(translated)
        self.report.add(kind)

    # -- texts per kind ----------------------------------------------------------------
    @staticmethod
    def _page_texts(texts):
        def apply(page):
            for key in ("title", "question", "intro"):
                if key in texts:
                    setattr(page, key, texts[key])
            if "body" in texts:
                page.body = [tuple(block) for block in texts["body"]]

        return apply

    @staticmethod
    def _wijk_texts(page, item):
        page.title = item.get("name", page.title)
        page.intro = item.get("intro", page.intro)
        people = list(page.sleutelpersonen.all())
        for person, english in zip(people, item.get("sleutelpersonen", []), strict=False):
            for key in ("name", "role", "helps_with", "how_to_reach", "when"):
                if key in english:
                    setattr(person, key, english[key])
        page.sleutelpersonen = people

    def _organisation_texts(self, page, item):
        page.title = item.get("name", page.title)
        page.description = item.get("description", page.description)

    def _service_texts(self, page, item):
        for key in ("title", "summary", "accessibility_notes", "referral_route"):
            if key in item:
                setattr(page, key, item[key])
        if "intake_criteria" in item:
            page.intake_criteria = item["intake_criteria"]
        if "body" in item:
            page.body = _paragraphs(item["body"])
        if item.get("helps_with"):
            page.phrases = _english_phrases(list(page.phrases.all()), item["helps_with"])
        role = (item.get("contact_person") or {}).get("role")
        if role:
            page.contact_person_role = role
        reasons = [e.get("reason") for e in (item.get("schedule") or {}).get("exceptions", [])]
        if reasons:
            exceptions = list(page.schedule_exceptions.all())
            for exception, reason in zip(exceptions, reasons, strict=False):
                if reason:
                    exception.reason = reason
            page.schedule_exceptions = exceptions


def load_english(path: Path = ENGLISH_CATALOGUE) -> LoadReport:
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    return EnglishDemoLoader(data).run()


def load_english_labels(path: Path = ENGLISH_CATALOGUE) -> int:
    """Only the English names and descriptions of themes, target groups and places, where
    still empty: a site whose English pages were loaded before these fields existed gets
    them from ``load_demo_data --if-empty`` too. Returns how many rows changed."""
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    with transaction.atomic():
        return EnglishDemoLoader(data).fill_labels()


def english_demo_missing() -> bool:
    """True when no service has an English translation yet (``load_demo_data --if-empty``)."""
    return not ServicePage.objects.filter(locale__language_code=ENGLISH).exists()
