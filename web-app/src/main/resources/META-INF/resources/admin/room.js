// A show's virtual waiting room for a hot on-sale: turn it on (when it opens, how many customers it lets in a minute,
// for how long), watch it (waiting, admitted, still holding, seats left, the rate it really runs at and why), change
// the rate during the sale, close it.

import { h, localTime, notice, show } from '/shared/dom.js';
import { api, isKeyRefused } from './session.js';
import { confirmIn, field, numberOrNull, sendingForm } from './forms.js';
import { table } from './page.js';
import { instantOf, wallClock } from './time.js';

const STATUS_WORDS = {
  SCHEDULED: 'Scheduled: customers who come before the opening get a random place then; holds need an admission already.',
  OPEN: 'Open: letting customers in at its rate.',
  SOLD_OUT: 'Sold out: no seat was left to hold, so the room closed itself and told everyone waiting.',
  CLOSED: 'Closed: customers hold seats directly.',
};

/** The waiting-room section of a show's page; times in the city's time zone `zone`. */
export function roomSection(showId, zone) {
  const path = '/api/v1/admin/shows/' + showId + '/queue';
  const state = h('div', { 'aria-live': 'polite', id: 'room-state' });
  const closeArea = h('div', { class: 'danger-zone' });
  const closeButton = h('button', { type: 'button', class: 'danger', id: 'close-room', hidden: true }, 'Close the room…');
  const opensAt = field('opensAt', 'Opens at (' + zone + ' time)', { type: 'datetime-local', id: 'room-opens-at' });
  const rate = field('admitPerMinute', 'Customers let in per minute', { type: 'number', id: 'room-rate', min: 1,
    hint: 'Admission slows down by itself while holds get slow or fail, and says so here.' });
  const minutes = field('admissionMinutes', 'Minutes an admitted customer may hold seats', { type: 'number',
    id: 'room-minutes', min: 1, value: 10 });
  const form = sendingForm({
    label: 'Waiting room', items: [opensAt, rate, minutes], submitLabel: 'Save the waiting room',
    submit: async (values) => {
      const room = await api('PUT', path, { body: { opensAt: values.opensAt ? instantOf(values.opensAt, zone) : null,
        admitPerMinute: numberOrNull(values.admitPerMinute), admissionMinutes: numberOrNull(values.admissionMinutes) } });
      describe(room);
      return 'Saved: the room ' + (room.status === 'OPEN' ? 'is open' : 'opens ' + localTime(room.opensAt, zone)) + '.';
    },
  });
  closeButton.addEventListener('click', () => confirmIn(closeArea, 'Close the waiting room? Everyone still waiting is '
    + 'told, and holds of this show no longer need an admission.', 'Close the room', async () => {
    await api('DELETE', path);
    await refresh();
  }, 'Keep it open'));

  function describe(room) {
    opensAt.input.value = wallClock(room.opensAt, zone);
    rate.input.value = room.admitPerMinute;
    minutes.input.value = room.admissionMinutes;
    closeButton.hidden = room.status === 'CLOSED' || room.status === 'SOLD_OUT';
    show(state, h('p', {}, STATUS_WORDS[room.status] || room.status),
      room.throttled ? notice('Admitting ' + room.effectiveAdmitPerMinute + ' a minute instead of ' + room.admitPerMinute
        + ': ' + room.throttleReason, 'warn') : null,
      table('Waiting room now', ['Waiting', 'Admitted', 'Still holding', 'Seats left', 'Let in per minute'], [[
        room.waiting.toLocaleString(), room.admitted.toLocaleString(), room.active.toLocaleString(),
        room.seatsLeft === null ? 'not known' : room.seatsLeft.toLocaleString(),
        room.effectiveAdmitPerMinute.toLocaleString()]]));
  }

  async function refresh() {
    try {
      describe(await api('GET', path));
    } catch (problem) {
      if (problem.code === 'ROOM_NOT_FOUND') {
        closeButton.hidden = true;
        show(state, h('p', {}, 'No waiting room: customers hold seats directly. Turn one on for a hot on-sale, and '
          + 'customers wait in it and are let in at the rate you choose.'));
      } else if (!isKeyRefused(problem)) {
        show(state, notice(problem.message, 'error'));
      }
    }
  }
  refresh();
  return h('div', {}, state, h('p', {}, h('button', { type: 'button', onclick: refresh }, 'Refresh the room')),
    form.form, h('p', {}, closeButton), closeArea);
}
