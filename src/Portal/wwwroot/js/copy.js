// "Kopiér": copies the text the button carries (data-copy-text) or the text of the field it names (data-copy), and says
// so in a status line. An enhancement only: the area stays hidden without this script, and the text can be copied by hand.
(() => {
  'use strict';
  for (const area of document.querySelectorAll('[data-copy-area]')) {
    const button = area.querySelector('[data-copy], [data-copy-text]');
    const status = area.querySelector('[data-copy-done]');
    const field = button.dataset.copy ? document.getElementById(button.dataset.copy) : null;
    const text = () => button.dataset.copyText ?? field?.value;
    if (!text() || !navigator.clipboard) {
      continue;
    }

    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(text());
        status.textContent = status.dataset.copyDone;
      } catch {
        field?.select();
      }
    });
    area.hidden = false;
  }
})();
