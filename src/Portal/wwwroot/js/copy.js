// "Kopiér": copies the text of the field a button names (data-copy) and says so in a status line. An enhancement only:
// the area stays hidden without this script, and the field can be selected and copied by hand.
(() => {
  'use strict';
  for (const area of document.querySelectorAll('[data-copy-area]')) {
    const button = area.querySelector('[data-copy]');
    const status = area.querySelector('[data-copy-done]');
    const field = document.getElementById(button.dataset.copy);
    if (!field || !navigator.clipboard) {
      continue;
    }

    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(field.value);
        status.textContent = status.dataset.copyDone;
      } catch {
        field.select();
      }
    });
    area.hidden = false;
  }
})();
