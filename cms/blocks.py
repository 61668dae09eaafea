"""The one StreamField used for page bodies."""

import html

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Tekst"), max_length=120)

    class Meta:
        icon = "title"
        label = _("Tussenkop")
        template = "blocks/heading_block.html"
        description = _("Een korte tussenkop die zegt waar het volgende stuk over gaat.")
        preview_value = {"text": "Wat kost het?"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Afbeelding"))
    alt = blocks.CharBlock(
        label=_("Beschrijving voor mensen die de afbeelding niet zien"),
        max_length=200,
        help_text=_("Verplicht. Beschrijf in een korte zin wat er op de afbeelding staat."),
    )
    caption = blocks.CharBlock(label=_("Bijschrift"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("Afbeelding")
        template = "blocks/image_block.html"
        description = _("Een foto of tekening met een beschrijving.")


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=120)
    text = blocks.RichTextBlock(label=_("Tekst"), features=["bold", "link", "ul"])

    class Meta:
        icon = "warning"
        label = _("Let op-blok")
        template = "blocks/callout_block.html"
        description = _("Een opvallend blok voor iets belangrijks, zoals wat u mee moet nemen.")
        preview_value = {"title": "Neem dit mee", "text": "<p>Uw identiteitsbewijs.</p>"}


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Alinea"),
        features=["bold", "italic", "link", "ol", "ul"],
        template="blocks/paragraph_block.html",
        description=_("Gewone tekst. Schrijf korte zinnen in eenvoudige woorden (taalniveau B1)."),
        preview_value="<p>U kunt zonder afspraak binnenlopen.</p>",
    )
    image = ImageBlock()
    callout = CalloutBlock()

    class Meta:
        block_counts = {}


def plain_text(body) -> str:
    """The words a reader sees in a body, one block per line, without rendering it.

    The same text as ``strip_tags`` of the rendered body, after ``html.unescape`` (the
    search record's body): headings, paragraphs, callouts and captions in order, never an
    image's alt text (an attribute). Read from the stored data, so no template is rendered
    and no image is looked up: at 20,000 services rendering was a sixth of a rebuild."""
    lines = []
    for block in body.raw_data if body else ():
        value = block["value"]
        match block["type"]:
            case "heading":
                lines.append(value["text"])
            case "paragraph":
                lines.append(_rich_text(value))
            case "callout":
                lines.append(f"{value['title']}\n{_rich_text(value['text'])}")
            case "image":
                lines.append(value.get("caption") or "")
    return "\n".join(lines).strip()


def _rich_text(source: str) -> str:
    return html.unescape(strip_tags(source))
