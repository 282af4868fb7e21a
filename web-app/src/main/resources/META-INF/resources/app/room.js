// A show's virtual waiting room: a customer whose show sells through one waits here — a random place among everyone
// who came before the opening, then in order of arrival — sees their place and the expected wait, and goes straight
// on to the seat map once let in, with the admission that their holds of the show carry.

import { call } from '/shared/api.js';
import { h, show, clock, localTime, notice } from '/shared/dom.js';
import { showDetails } from './browse.js';
import { note, recall, token } from './session.js';

const ENDED = {
  SOLD_OUT: 'Every seat is sold or held by now. Seats others hold may still come free: the seat map offers the '
    + 'waiting line.',
  CLOSED: 'The waiting room has closed: pick your seats directly.',
  EXPIRED: 'Your turn to pick seats has passed.',
};

/** The admission this customer holds for the show, while it lasts: {token, admittedUntil}; else null. */
export function admissionFor(showId) {
  const admission = recall('admission.' + showId);
  return admission && Date.parse(admission.admittedUntil) > Date.now() ? admission : null;
}

/** Forgets the admission (the gateway refused it). */
export function forgetAdmission(showId) {
  note('admission.' + showId, null);
}

/** The show's waiting room as customers see it, or null when the show has none (or it no longer applies). */
export async function roomOf(showId) {
  try {
    const room = await call('GET', `/api/v1/shows/${showId}/queue`, { token: token() });
    return room.status === 'SCHEDULED' || room.status === 'OPEN' ? room : null;
  } catch (problem) {
    if (problem.code === 'ROOM_NOT_FOUND') {
      return null;
    }
    throw problem;
  }
}

/**
 * The waiting-room page: takes the customer's place (the same one on every call), follows it by long polling (far
 * back in the line, reading it again when the room says: `readAgainSeconds`), and calls `admitted()` once the
 * customer is let in or the room no longer stands between them and the seats. Answers a function that stops
 * following.
 */
export async function waitingRoom(main, showId, admitted) {
  const details = await showDetails(showId).catch(() => null);
  const place = h('p', { class: 'position', id: 'room-place', 'aria-live': 'polite' }, 'Taking your place…');
  const wait = h('p', { class: 'muted', id: 'room-wait' });
  const status = h('div', { 'aria-live': 'polite' });
  show(main, h('h1', {}, 'Waiting room'),
    details ? h('p', {}, details.movie.title + ' · ' + details.cinema.name + ' · '
      + localTime(details.startsAt, details.city.timeZone)) : null,
    h('p', {}, 'So many people want seats for this show that everyone waits here and is let in to pick seats in '
      + 'turn. Keep this page open: you go on to the seat map as soon as it is your turn.'),
    place, wait, status);
  const controller = new AbortController();
  let countdown;
  controller.signal.addEventListener('abort', () => clearInterval(countdown), { once: true });

  (async () => {
    let ticket;
    let waitSeconds = 0;
    while (!controller.signal.aborted) {
      try {
        ticket = ticket === undefined
          ? await call('POST', `/api/v1/shows/${showId}/queue`, { token: token(), signal: controller.signal })
          : await call('GET', `/api/v1/queue/${ticket.ticketId}?waitSeconds=${waitSeconds}`, { token: token(),
            signal: controller.signal });
      } catch (problem) {
        if (controller.signal.aborted) {
          return;
        }
        if (problem.code === 'ROOM_CLOSED' || problem.code === 'ROOM_NOT_FOUND') {
          admitted();
          return;
        }
        show(status, notice(problem.message + (problem.code === 'SHOW_FULL' ? '' : ' Retrying…'), 'warn'));
        await new Promise((resolve) => setTimeout(resolve, 2000));
        continue;
      }
      show(status);
      waitSeconds = 25;
      clearInterval(countdown);
      switch (ticket.status) {
        case 'BEFORE_OPENING': {
          place.textContent = 'The sale opens ' + localTime(ticket.opensAt, details?.city.timeZone) + '. Everyone '
            + 'here by then gets a random place in line at the opening: arriving earlier gives no better place.';
          // counted down here between reads, which come a minute or more apart while the opening is far (the room
          // spreads its crowd's reads), from the room's own clock rather than this device's
          const opening = Date.now() + ticket.etaSeconds * 1000;
          const tick = () => {
            wait.textContent = 'Opens in ' + clock(Math.max(0, Math.round((opening - Date.now()) / 1000))) + '.';
          };
          tick();
          countdown = setInterval(tick, 1000);
          break;
        }
        case 'WAITING':
          place.textContent = ticket.position === 1 ? 'You are next.' : 'You are number ' + ticket.position.toLocaleString()
            + ' in line.';
          wait.textContent = 'Expected wait: about ' + clock(ticket.etaSeconds) + '.';
          break;
        case 'ADMITTED':
          note('admission.' + showId, { token: ticket.admissionToken, admittedUntil: ticket.admittedUntil });
          admitted();
          return;
        case 'CLOSED':
        case 'SOLD_OUT':
          show(place, ENDED[ticket.status]);
          wait.textContent = '';
          show(status, h('a', { class: 'button', href: '#/show/' + showId, onclick: (event) => {
            event.preventDefault();
            admitted();
          } }, 'Go to the seat map'));
          return;
        default:
          show(place, ENDED[ticket.status] || 'Your place ended (' + ticket.status + ').');
          wait.textContent = '';
          return;
      }
      if (ticket.readAgainSeconds > 0) {
        // far back, or the room's instance is busy: the room says when this page's next read is due
        await pause(ticket.readAgainSeconds * 1000, controller.signal);
        waitSeconds = 0;
      }
    }
  })();

  return () => controller.abort();
}

/** Resolves after `millis`, or at once when `signal` aborts. */
function pause(millis, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, millis);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
