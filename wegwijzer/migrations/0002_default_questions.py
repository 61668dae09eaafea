"""Data migration: the default wegwijzer questions ('Voor wie?' and 'Hoe snel?').

Themes and target groups are referred to by slug, so this works on an empty database too.
A frozen copy of wegwijzer/defaults.py as it was when this migration was written: migrations
never import live application code.
"""

import json

from django.db import migrations

DEFAULT_QUESTIONS = [
    {
        "key": "voor-wie",
        "text": "Voor wie zoekt u hulp?",
        "help_text": "",
        "sort_order": 1,
        "answers": [
            {"key": "mijzelf", "text": "Voor mijzelf", "target_groups": [], "themes": []},
            {
                "key": "mijn-kind",
                "text": "Voor mijn kind",
                "target_groups": ["iedereen", "ouders-en-kinderen", "jongeren"],
                "themes": [],
            },
            {
                "key": "ouder-of-partner",
                "text": "Voor mijn vader, moeder of partner",
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
        "text": "Hoe snel heeft u hulp nodig?",
        "help_text": "",
        "sort_order": 2,
        "answers": [
            {"key": "vandaag", "text": "Vandaag nog", "urgent": True},
            {"key": "deze-week", "text": "Deze week"},
            {"key": "geen-haast", "text": "Het heeft geen haast"},
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


def seed(apps, schema_editor):
    Question = apps.get_model("wegwijzer", "Question")
    db = schema_editor.connection.alias
    for item in DEFAULT_QUESTIONS:
        if Question.objects.using(db).filter(key=item["key"]).exists():
            continue
        Question.objects.using(db).create(
            key=item["key"],
            text=item["text"],
            help_text=item["help_text"],
            sort_order=item["sort_order"],
            answers=json.dumps(answer_blocks(item["answers"])),
        )


class Migration(migrations.Migration):
    dependencies = [("wegwijzer", "0001_questions")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
