// A show's seat map: rows, aisles, seat types and prices; available, held, sold, blocked and the customer's own seats,
// kept live from the seat stream (a seat someone else takes greys out without a reload). The customer picks up to the
// limit and holds them all or nothing; when others hold seats, the waiting line is offered. A show that sells through a
// virtual waiting room (room.js) shows the room first, and holds carry the customer's admission.

import { call, newIdempotencyKey } from '/shared/api.js';
import { follow } from '/shared/sse.js';
import { h, show, money, localTime, notice } from '/shared/dom.js';
import { showDetails } from './browse.js';
import { admissionFor, forgetAdmission, roomOf, waitingRoom } from './room.js';
import { currentSession, note, recall, token } from './session.js';

/** Seats one customer may hold at once (booking's and reservation's limit, 10 by default). */
const MAX_SEATS = 10;
const STATUS_WORDS = { AVAILABLE: 'available', HELD: 'held by someone else', SOLD: 'sold', BLOCKED: 'not for sale', MINE: 'held by you' };

/**
 * The seat map page of a show; answers a function that stops its live updates. A show that sells through a waiting
 * room shows the room first to a signed-in customer not let in yet, then the seat map.
 */
export async function seatMap(main, showId) {
  let stop = () => {};
  if (currentSession() && !admissionFor(showId) && await roomOf(showId)) {
    stop = await waitingRoom(main, showId, async () => {
      stop = await seatMapPage(main, showId);
    });
  } else {
    stop = await seatMapPage(main, showId);
  }
  return () => stop();
}

async function seatMapPage(main, showId) {
  ['seat-map-requested', 'seat-map-received', 'seat-map-painted'].forEach((mark) => performance.clearMarks(mark));
  ['seat-map-render', 'seat-map-load'].forEach((measure) => performance.clearMeasures(measure));
  performance.mark('seat-map-requested');
  const [details, map] = await Promise.all([showDetails(showId), call('GET', `/api/v1/shows/${showId}/seats`, { token: token() })]);
  performance.mark('seat-map-received');

  const zone = details.city.timeZone;
  const seats = new Map();           // seatId -> {seat, button, status}
  const selected = new Set(recall('selection.' + showId) || []);
  let idempotencyKey = newIdempotencyKey();
  const live = h('p', { class: 'live muted', 'aria-live': 'polite' }, 'Connecting to live updates…');
  const announcer = h('div', { class: 'visually-hidden', 'aria-live': 'assertive' });
  const status = h('div', { 'aria-live': 'polite' });
  const total = h('p', { class: 'total', 'aria-live': 'polite' });
  const holdButton = h('button', { class: 'primary', type: 'button', id: 'hold-seats' }, 'Hold seats');
  const clearButton = h('button', { type: 'button' }, 'Clear');

  const waitingSeats = h('input', { id: 'waiting-seats', type: 'number', min: 1, max: MAX_SEATS, value: 1, inputmode: 'numeric' });
  const waitingLine = h('section', { id: 'waiting-line', class: 'card', hidden: true, 'aria-live': 'polite' },
    h('h2', {}, 'Waiting line'),
    h('p', { class: 'reason' }, 'All seats are held by others right now. Some may come free: join the waiting line and ' +
      'seats are offered to you, in the order people joined, as soon as they are released.'),
    h('div', { class: 'row' },
      h('div', {}, h('label', { for: 'waiting-seats' }, 'Seats you want'), waitingSeats),
      h('button', { type: 'button', onclick: () => joinLine(Number(waitingSeats.value)) }, 'Join the waiting line')));

  const grid = h('div', { class: 'seat-map', role: 'group', 'aria-label': 'Seats; use the arrow keys to move and Space to pick' });
  const fragment = document.createDocumentFragment();
  let first = true;
  for (const row of map.rows) {
    const rowElement = h('div', { class: 'seat-row', role: 'group', 'aria-label': 'Row ' + row.row },
      h('span', { class: 'row-label', 'aria-hidden': 'true' }, row.row));
    for (const seat of row.seats) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'seat ' + seat.type.toLowerCase();
      button.dataset.seat = seat.seatId;
      button.textContent = seat.number;
      button.tabIndex = first ? 0 : -1;
      first = false;
      rowElement.append(button);
      if (seat.aisleAfter) {
        rowElement.append(h('span', { class: 'aisle', 'aria-hidden': 'true' }));
      }
      const entry = { seat, button, status: seat.heldByYou ? 'MINE' : seat.status };
      seats.set(seat.seatId, entry);
      paint(entry);
    }
    rowElement.append(h('span', { class: 'row-label', 'aria-hidden': 'true' }, row.row));
    fragment.append(rowElement);
  }
  grid.append(fragment);

  const types = [...new Map(map.rows.flatMap((row) => row.seats).map((seat) => [seat.type, seat])).values()];
  const legend = h('ul', { class: 'legend', 'aria-label': 'Legend' },
    types.map((seat) => h('li', {}, h('span', { class: 'seat sample ' + seat.type.toLowerCase(), 'aria-hidden': 'true' }),
      title(seat.type) + ' ' + money(seat.price, seat.currency))),
    ['held', 'sold', 'blocked', 'mine', 'picked'].map((state) => h('li', {},
      h('span', { class: 'seat sample ' + state, 'aria-hidden': 'true' }), title(state === 'picked' ? 'your pick' : state === 'mine' ? 'held by you' : state))));

  show(main,
    h('h1', {}, details.movie.title),
    h('p', { class: 'muted' }, `${details.cinema.name} · ${details.hallName} · ${localTime(details.startsAt, zone)}`),
    details.status === 'CANCELLED' ? notice('This show was cancelled.', 'error') : null,
    live, legend,
    h('div', { class: 'screen', 'aria-hidden': 'true' }, 'Screen'),
    h('div', { class: 'seat-map-scroll' }, grid),
    h('div', { class: 'picked-bar' }, total, h('div', { class: 'row' }, holdButton, clearButton)),
    status, waitingLine, announcer);
  refreshTotal();
  offerLineWhenAllHeld();
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  performance.mark('seat-map-painted');
  performance.measure('seat-map-render', 'seat-map-received', 'seat-map-painted');
  performance.measure('seat-map-load', 'seat-map-requested', 'seat-map-painted');

  grid.addEventListener('click', (event) => {
    const button = event.target.closest('button.seat');
    if (button) {
      toggle(seats.get(button.dataset.seat));
    }
  });
  grid.addEventListener('keydown', (event) => moveFocus(event, map, seats));
  clearButton.addEventListener('click', () => {
    selected.clear();
    seats.forEach(paint);
    changed();
  });
  holdButton.addEventListener('click', hold);

  const stop = follow(`/api/v1/shows/${showId}/seats/stream`, {
    onEvent(name, data) {
      if (name !== 'snapshot' && name !== 'seats') {
        return;
      }
      const taken = [];
      for (const { seatId, status: next } of data.seats) {
        const entry = seats.get(seatId);
        if (!entry) {
          continue;
        }
        const mine = entry.status === 'MINE' && next === 'HELD';
        if (!mine && entry.status !== next) {
          entry.status = next;
          if (next !== 'AVAILABLE' && selected.delete(seatId)) {
            taken.push(seatId);
          }
          paint(entry);
        }
      }
      offerLineWhenAllHeld();
      if (taken.length) {
        announcer.textContent = 'Just taken by someone else: ' + taken.join(', ');
        show(status, notice('Just taken by someone else: ' + taken.join(', ') + '. Pick other seats.', 'warn'));
        changed();
      }
    },
    onState(state, problem) {
      live.textContent = state === 'open' ? 'Live: seats update as others pick them.'
        : state === 'retrying' ? 'Reconnecting to live updates…' : (problem ? problem.message : 'Live updates stopped.');
    },
  });

  function toggle(entry) {
    if (!entry) {
      return;
    }
    const id = entry.seat.seatId;
    if (selected.has(id)) {
      selected.delete(id);
    } else if (entry.status !== 'AVAILABLE') {
      announcer.textContent = 'Seat ' + id + ' is ' + STATUS_WORDS[entry.status];
      return;
    } else if (selected.size >= MAX_SEATS) {
      show(status, notice('You can pick up to ' + MAX_SEATS + ' seats.', 'warn'));
      return;
    } else {
      selected.add(id);
    }
    paint(entry);
    changed();
  }

  function changed() {
    idempotencyKey = newIdempotencyKey();
    note('selection.' + showId, [...selected]);
    refreshTotal();
  }

  function refreshTotal() {
    const picked = [...selected].map((id) => seats.get(id)?.seat).filter(Boolean);
    const currency = picked[0]?.currency || map.rows[0]?.seats[0]?.currency;
    const sum = picked.reduce((acc, seat) => acc + Number(seat.price), 0);
    total.textContent = picked.length === 0 ? 'Pick your seats on the map.'
      : `${picked.length} ${picked.length === 1 ? 'seat' : 'seats'} (${picked.map((s) => s.seatId).join(', ')}): ${money(sum, currency)}`;
    holdButton.disabled = picked.length === 0;
  }

  function paint(entry) {
    const picked = selected.has(entry.seat.seatId);
    const state = picked ? 'picked' : entry.status.toLowerCase();
    entry.button.className = 'seat ' + entry.seat.type.toLowerCase() + ' ' + state;
    entry.button.setAttribute('aria-pressed', picked ? 'true' : 'false');
    entry.button.setAttribute('aria-disabled', entry.status === 'AVAILABLE' || picked ? 'false' : 'true');
    entry.button.setAttribute('aria-label', `Row ${entry.seat.seatId.replace(/\d+$/, '')} seat ${entry.seat.number}, ` +
      `${title(entry.seat.type)}, ${money(entry.seat.price, entry.seat.currency)}, ${picked ? 'picked' : STATUS_WORDS[entry.status]}`);
  }

  async function hold() {
    const seatIds = [...selected];
    if (!currentSession()) {
      location.hash = '#/signin?next=' + encodeURIComponent('#/show/' + showId);
      return;
    }
    holdButton.disabled = true;
    show(status, h('p', { class: 'muted' }, 'Holding ' + seatIds.join(', ') + '…'));
    try {
      const admission = admissionFor(showId);
      const held = await call('POST', `/api/v1/shows/${showId}/holds`, { body: { seatIds }, token: token(), idempotencyKey,
        extraHeaders: admission ? { 'X-Admission-Token': admission.token } : {} });
      note('hold.' + held.holdId, held);
      note('selection.' + showId, []);
      location.hash = '#/hold/' + held.holdId;
    } catch (problem) {
      holdButton.disabled = false;
      if (problem.code === 'SEATS_HELD') {
        show(status, notice(problem.message, 'warn'));
        waitingSeats.value = seatIds.length;
        waitingLine.querySelector('.reason').textContent = 'They may come free: join the waiting line and seats are ' +
          'offered to you, in the order people joined, as soon as they are released.';
        waitingLine.hidden = false;
      } else if (problem.code === 'ADMISSION_REQUIRED') {
        // the show sells through a waiting room (turned on meanwhile, or this admission ran out): wait in it
        forgetAdmission(showId);
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      } else if (problem.code === 'SESSION_REQUIRED' || problem.code?.startsWith('SESSION_')) {
        location.hash = '#/signin?next=' + encodeURIComponent('#/show/' + showId);
      } else {
        show(status, notice(problem.message, 'error'));
      }
    }
  }

  /** The waiting line is offered when nothing is free but some seats are only held, and may come free. */
  function offerLineWhenAllHeld() {
    let available = 0;
    let held = 0;
    seats.forEach((entry) => {
      available += entry.status === 'AVAILABLE' ? 1 : 0;
      held += entry.status === 'HELD' ? 1 : 0;
    });
    if (available === 0 && held > 0) {
      waitingLine.hidden = false;
    }
  }

  async function joinLine(seatCount) {
    if (!currentSession()) {
      location.hash = '#/signin?next=' + encodeURIComponent('#/show/' + showId);
      return;
    }
    try {
      const entry = await call('POST', `/api/v1/shows/${showId}/waitlist`, { body: { seatCount }, token: token() });
      location.hash = '#/waitlist/' + entry.entryId + '?show=' + showId;
    } catch (problem) {
      show(status, notice(problem.message, problem.code === 'SEATS_AVAILABLE' ? 'warn' : 'error'));
    }
  }

  return stop;
}

function title(text) {
  return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
}

/** Arrow keys move between seats (up and down to the nearest seat of the next row), Home and End along a row. */
function moveFocus(event, map, seats) {
  const button = event.target.closest('button.seat');
  if (!button) {
    return;
  }
  const rowIndex = map.rows.findIndex((row) => row.seats.some((seat) => seat.seatId === button.dataset.seat));
  const row = map.rows[rowIndex];
  const index = row.seats.findIndex((seat) => seat.seatId === button.dataset.seat);
  let target;
  switch (event.key) {
    case 'ArrowLeft': target = row.seats[index - 1]; break;
    case 'ArrowRight': target = row.seats[index + 1]; break;
    case 'Home': target = row.seats[0]; break;
    case 'End': target = row.seats[row.seats.length - 1]; break;
    case 'ArrowUp':
    case 'ArrowDown': {
      const next = map.rows[rowIndex + (event.key === 'ArrowUp' ? -1 : 1)];
      if (next) {
        const ratio = row.seats.length > 1 ? index / (row.seats.length - 1) : 0;
        target = next.seats[Math.round(ratio * (next.seats.length - 1))];
      }
      break;
    }
    default: return;
  }
  event.preventDefault();
  if (target) {
    button.tabIndex = -1;
    const next = seats.get(target.seatId).button;
    next.tabIndex = 0;
    next.focus();
  }
}
