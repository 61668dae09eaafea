import json

import pytest
from django.core.exceptions import ValidationError

from wegwijzer.blocks import AnswerBlock
from wegwijzer.defaults import DEFAULT_QUESTIONS, answer_blocks, ensure_default_questions
from wegwijzer.models import Question

pytestmark = pytest.mark.django_db


def test_seeding_is_idempotent():
    Question.objects.all().delete()
    assert ensure_default_questions() == len(DEFAULT_QUESTIONS)
    assert ensure_default_questions() == 0
    answers = Question.objects.get(key="voor-wie").answers
    assert answers[1].value["key"] == "mijn-kind"
    assert "ouders-en-kinderen" in answers[1].value["target_groups"]


def make(key="nieuw", answers=None):
    answers = answers or [{"key": "ja", "text": "Ja"}, {"key": "nee", "text": "Nee"}]
    return Question(key=key, text="Een vraag?", answers=json.dumps(answer_blocks(answers)))


def test_keys_used_by_the_flow_are_refused():
    with pytest.raises(ValidationError):
        make(key="postcode").full_clean()


def test_two_answers_with_the_same_key_are_refused():
    with pytest.raises(ValidationError):
        make(answers=[{"key": "ja", "text": "Ja"}, {"key": "ja", "text": "Ja zeker"}]).full_clean()


def test_answer_keys_must_be_simple():
    with pytest.raises(ValidationError):
        make(answers=[{"key": "Ja!", "text": "Ja"}, {"key": "nee", "text": "Nee"}]).full_clean()
    block = AnswerBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"key": "Ja!", "text": "Ja"}))


def test_a_valid_question(build):
    build.target_group("ouderen", "Ouderen")
    answers = [
        {"key": "ja", "text": "Ja", "target_groups": ["ouderen"]},
        {"key": "nee", "text": "Nee"},
    ]
    make(answers=answers).full_clean()


def test_editors_see_the_questions_in_the_admin(admin_client, build, questions):
    build.target_group("ouderen", "Ouderen")
    response = admin_client.get("/beheer/snippets/wegwijzer/question/")
    assert response.status_code == 200
    assert "Voor wie zoekt u hulp?" in response.content.decode()
    question = Question.objects.get(key="voor-wie")
    response = admin_client.get(f"/beheer/snippets/wegwijzer/question/edit/{question.pk}/")
    assert response.status_code == 200
    assert "Ouderen" in response.content.decode()  # target groups to tick
