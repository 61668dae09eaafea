"""'Lees voor' reads the main content with the browser's own speech synthesis."""

import pytest

from tests.browser.support import new_context

pytestmark = pytest.mark.browser

FAKE_SPEECH = """
window.__spoken = [];
if (window.speechSynthesis) {
  window.speechSynthesis.speak = (u) => window.__spoken.push([u.text, u.lang]);
  window.speechSynthesis.cancel = () => {};
}
"""
NO_SPEECH = "Object.defineProperty(window, 'speechSynthesis', {value: undefined});"


def test_read_aloud_reads_the_main_content(page):
    page.add_init_script(FAKE_SPEECH)
    page.goto("/voorzieningen/sociaal-loket/")
    button = page.locator("[data-read-aloud]")
    assert button.is_visible() and button.inner_text() == "Lees voor"
    button.click()
    spoken = page.evaluate("window.__spoken")
    texts = [text for text, _lang in spoken]
    assert texts[0] == page.locator("h1").inner_text()
    assert {lang for _text, lang in spoken} == {"nl-NL"}
    joined = " ".join(texts)
    assert "Is het dringend en is er gevaar?" not in joined  # the footer is not read
    assert "Lees voor" not in joined
    assert button.inner_text() == "Stop met voorlezen"
    button.click()
    assert button.inner_text() == "Lees voor"


def test_read_aloud_is_hidden_without_speech_synthesis(browser, site):
    context = new_context(browser, site)
    context.add_init_script(NO_SPEECH)
    page = context.new_page()
    try:
        page.goto("/")
        assert page.get_by_role("button", name="Lees voor").is_hidden()
    finally:
        context.close()
