"""The two places (woonplaatsen) of the municipality."""

from django.db import models


class Town(models.TextChoices):
    UITHOORN = "Uithoorn", "Uithoorn"
    DE_KWAKEL = "De Kwakel", "De Kwakel"
