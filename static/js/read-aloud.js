// "Lees voor": reads the main content aloud with the browser's own speech synthesis. No
// third-party service. The button stays hidden when the browser cannot speak.
const button = document.querySelector("[data-read-aloud]");
const synth = window.speechSynthesis;

const SKIP = "script, style, noscript, svg, button, [hidden], [aria-hidden='true'], [data-no-read]";
const BLOCK = /^(block|list-item|table|table-row|table-cell|flex|grid)$/;

function textOf(root) {
  const parts = [];
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        parts.push(child.textContent);
      } else if (child.nodeType === Node.ELEMENT_NODE && !child.matches(SKIP)) {
        const display = getComputedStyle(child).display;
        if (display === "none") continue;
        const block = BLOCK.test(display);
        if (block) parts.push("\n");
        walk(child);
        if (block) parts.push("\n");
      }
    }
  };
  walk(root);
  return parts.join("");
}

function sentences(text) {
  return text
    .split(/\n+|(?<=[.!?])\s+/)
    .map((part) => part.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

function dutchVoice() {
  const voices = synth.getVoices();
  return voices.find((v) => v.lang === "nl-NL") || voices.find((v) => v.lang.startsWith("nl"));
}

if (button && synth && "SpeechSynthesisUtterance" in window) {
  const main = document.getElementById(button.dataset.readAloud) || document.querySelector("main");
  const labels = { start: button.textContent.trim(), stop: button.dataset.stopLabel };
  let reading = false;

  const stop = () => {
    reading = false;
    synth.cancel();
    button.textContent = labels.start;
  };

  button.hidden = false;
  button.addEventListener("click", () => {
    if (reading) {
      stop();
      return;
    }
    synth.cancel();
    const parts = sentences(textOf(main));
    if (!parts.length) return;
    reading = true;
    button.textContent = labels.stop;
    const voice = dutchVoice();
    parts.forEach((part, index) => {
      const utterance = new SpeechSynthesisUtterance(part);
      utterance.lang = document.documentElement.lang === "nl" ? "nl-NL" : document.documentElement.lang;
      if (voice) utterance.voice = voice;
      if (index === parts.length - 1) utterance.addEventListener("end", stop);
      synth.speak(utterance);
    });
  });
  window.addEventListener("pagehide", () => synth.cancel());
}
