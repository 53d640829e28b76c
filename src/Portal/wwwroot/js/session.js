// Warns five minutes before the login runs out and lets the person keep it with one button (WCAG 2.2.1). The page
// says how many seconds the login has left (data-session-seconds); the button asks the portal to renew the login and
// is told the new figure. Without this script the portal still works: the login page then says why one was logged out.
(() => {
  'use strict';
  const seconds = Number(document.body.dataset.sessionSeconds);
  const warning = document.getElementById('session-warning');
  if (!warning || !(seconds > 0)) {
    return;
  }

  const warnBefore = 5 * 60;
  const soon = warning.querySelector('[data-session-state="soon"]');
  const ended = warning.querySelector('[data-session-state="ended"]');
  const keep = warning.querySelector('[data-session-action="keep"]');
  let timers = [];

  const show = (state) => {
    soon.hidden = state !== 'soon';
    ended.hidden = state !== 'ended';
    keep.hidden = state !== 'soon';
    warning.hidden = false;
  };

  const schedule = (left) => {
    timers.forEach(clearTimeout);
    warning.hidden = true;
    timers = [
      // No focus moves: the person may be typing. The alert is read out as it appears.
      setTimeout(() => show('soon'), Math.max(0, left - warnBefore) * 1000),
      setTimeout(() => show('ended'), left * 1000),
    ];
  };

  keep.addEventListener('click', async () => {
    try {
      const response = await fetch(keep.dataset.sessionUrl, { credentials: 'same-origin', cache: 'no-store', headers: { 'X-Requested-With': 'XMLHttpRequest' } });
      const answer = response.ok ? await response.json() : null;
      if (answer && answer.secondsLeft > 0) {
        schedule(answer.secondsLeft);
      } else {
        show('ended');
      }
    } catch {
      show('ended');
    }
  });

  schedule(seconds);
})();
