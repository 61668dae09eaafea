"""The default wegwijzer questions (seeded by a data migration; editors change them later).

Plain data, so the migration and the tests can use it without importing models.
"""

import json

# Marks the texts for the translation catalogue only; the value stays the Dutch text.
from django.utils.translation import gettext_noop

DEFAULT_QUESTIONS = [
    {
        "key": "voor-wie",
        "text": gettext_noop("Voor wie zoekt u hulp?"),
        "help_text": "",
        "sort_order": 1,
        "answers": [
            {
                "key": "mijzelf",
                "text": gettext_noop("Voor mijzelf"),
                "target_groups": [],
                "themes": [],
            },
            {
                "key": "mijn-kind",
                "text": gettext_noop("Voor mijn kind"),
                "target_groups": ["iedereen", "ouders-en-kinderen", "jongeren"],
                "themes": [],
            },
            {
                "key": "ouder-of-partner",
                "text": gettext_noop("Voor mijn vader, moeder of partner"),
                "target_groups": [
                    "iedereen",
                    "ouderen",
                    "mantelzorgers",
                    "mensen-met-een-beperking",
                ],
                "themes": ["zorgen-voor-een-ander"],
            },
        ],
    },
    {
        "key": "haast",
        "text": gettext_noop("Hoe snel heeft u hulp nodig?"),
        "help_text": "",
        "sort_order": 2,
        "answers": [
            {"key": "vandaag", "text": gettext_noop("Vandaag nog"), "urgent": True},
            {"key": "deze-week", "text": gettext_noop("Deze week")},
            {"key": "geen-haast", "text": gettext_noop("Het heeft geen haast")},
        ],
    },
]


def answer_blocks(answers) -> list[dict]:
    return [
        {
            "type": "answer",
            "value": {
                "key": answer["key"],
                "text": answer["text"],
                "target_groups": list(answer.get("target_groups", [])),
                "themes": list(answer.get("themes", [])),
                "urgent": bool(answer.get("urgent", False)),
            },
        }
        for answer in answers
    ]


def ensure_default_questions(question_model=None) -> int:
    """Create the default questions that do not exist yet (by key). Returns how many."""
    if question_model is None:
        from .models import Question as question_model
    created = 0
    for item in DEFAULT_QUESTIONS:
        if question_model.objects.filter(key=item["key"]).exists():
            continue
        question_model.objects.create(
            key=item["key"],
            text=item["text"],
            help_text=item["help_text"],
            sort_order=item["sort_order"],
            answers=json.dumps(answer_blocks(item["answers"])),
        )
        created += 1
    return created
