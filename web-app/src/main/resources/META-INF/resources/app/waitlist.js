// A place in a show's waiting line: the live position (long polls), then the offer with its own countdown, which the
// customer pays for like any hold.

import { call } from '/shared/api.js';
import { h, show, clock, notice } from '/shared/dom.js';
import { showDetails } from './browse.js';
import { token } from './session.js';

const ENDED = {
  EXPIRED: 'Your place in line expired before seats came free.',
  CANCELLED: 'You left the waiting line.',
  UNSERVABLE: 'Not enough seats can come free any more for your request.',
};

/** The waiting page of an entry; answers a function that stops following it. */
export async function waitPage(main, entryId, params) {
  const showId = params.get('show');
  const details = showId ? await showDetails(showId).catch(() => null) : null;
  const position = h('p', { class: 'position', 'aria-live': 'polite' }, 'Checking your place in line…');
  const offer = h('div', { 'aria-live': 'assertive' });
  const status = h('div', { 'aria-live': 'polite' });
  const leave = h('button', { type: 'button', class: 'danger', id: 'leave-line' }, 'Leave the line');
  show(main, h('h1', {}, 'In the waiting line'),
    details ? h('p', {}, details.movie.title + ' · ' + details.cinema.name) : null,
    position, offer, h('div', { class: 'row' }, leave), status);
  const controller = new AbortController();
  let timer;

  leave.addEventListener('click', async () => {
    try {
      await call('DELETE', '/api/v1/waitlist/' + entryId, { token: token() });
      controller.abort();
      show(position, ENDED.CANCELLED);
      leave.disabled = true;
    } catch (problem) {
      show(status, notice(problem.message, 'error'));
    }
  });

  (async () => {
    let waitSeconds = 0;
    while (!controller.signal.aborted) {
      let entry;
      try {
        entry = await call('GET', `/api/v1/waitlist/${entryId}?waitSeconds=${waitSeconds}`, { token: token(), signal: controller.signal });
      } catch (problem) {
        if (controller.signal.aborted) {
          return;
        }
        show(status, notice(problem.message + ' Retrying…', 'warn'));
        await new Promise((resolve) => setTimeout(resolve, 2000));
        continue;
      }
      show(status);
      waitSeconds = 25;
      if (entry.status === 'WAITING') {
        position.textContent = entry.position === 1 ? 'You are next in line.' : 'You are number ' + entry.position + ' in line.';
      } else if (entry.status === 'OFFERED' && entry.offer) {
        offered(entry.offer);
        return;
      } else {
        position.textContent = ENDED[entry.status] || 'Your place in line ended (' + entry.status + ').';
        leave.disabled = true;
        return;
      }
    }
  })();

  function offered(held) {
    leave.disabled = true;
    position.textContent = 'Seats came free for you!';
    const countdown = h('p', { class: 'countdown', role: 'timer' });
    const tick = () => {
      const left = (Date.parse(held.expiresAt) - Date.now()) / 1000;
      countdown.textContent = left > 0 ? 'Seats ' + held.seatIds.join(', ') + ' are held for you for ' + clock(left) + '.'
        : 'The offer ran out.';
    };
    tick();
    timer = setInterval(tick, 1000);
    show(offer, h('section', { class: 'card offer' }, h('h2', {}, 'Your offer'), countdown,
      h('a', { class: 'button primary', href: '#/hold/' + held.holdId, id: 'take-offer' }, 'Pay for these seats')));
    offer.querySelector('a').focus();
  }

  return () => {
    controller.abort();
    clearInterval(timer);
  };
}
