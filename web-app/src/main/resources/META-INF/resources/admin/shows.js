// Shows: a hall's programme and scheduling (times in the city's time zone), and a page per show to move, reprice or
// cancel it — saying first what a cancellation does to its bookings —, to block seats, to run its waiting room for a
// hot on-sale and to see its sales.

import { h, localTime, money, notice, show } from '/shared/dom.js';
import { api, isKeyRefused } from './session.js';
import { confirmIn, field, numberOrNull, sendingForm, textOrNull } from './forms.js';
import { SEAT_TYPES, paintSeat, seatGrid } from './grid.js';
import { carry, failed, loading, page, table, takeCarried } from './page.js';
import { roomSection } from './room.js';
import { instantOf, wallClock, zoneName } from './time.js';

/** A hall with its cinema and city, whose time zone every time on these pages is in. */
async function place(hallId) {
  const hall = await api('GET', '/api/v1/admin/halls/' + hallId);
  const cinema = await api('GET', '/api/v1/admin/cinemas/' + hall.cinemaId);
  const city = await api('GET', '/api/v1/admin/cities/' + cinema.cityId);
  return { hall, cinema, city, zone: city.timeZone || 'UTC' };
}

/** Every movie, by title, for choosing one (the API hands them out 100 at a time). */
async function allMovies() {
  const movies = [];
  for (let number = 0; number < 50; number++) {
    const result = await api('GET', '/api/v1/admin/movies?' + new URLSearchParams({ page: number, size: 100 }));
    movies.push(...result.items);
    if (movies.length >= result.total || !result.items.length) {
      break;
    }
  }
  return movies;
}

function typesOf(layout) {
  const present = new Set(layout.rows.flatMap((row) => row.seats.map((seat) => seat.type)));
  return SEAT_TYPES.filter((type) => present.has(type.type));
}

function trail(where) {
  return [['Cities', '#/cities'], [where.city.name, '#/cities/' + where.city.id],
    [where.cinema.name, '#/cinemas/' + where.cinema.id], [where.hall.name, '#/halls/' + where.hall.id]];
}

/** Fields for a price per seat type and one currency; answers the fields and how to read them. */
function priceFields(types, prices = [], idPrefix) {
  const byType = new Map(prices.map((price) => [price.seatType, price.price]));
  const items = types.map((type) => field('price-' + type.type, type.name + ' seat price', {
    type: 'number', min: 0.01, step: 0.01, id: idPrefix + '-price-' + type.type.toLowerCase(), value: byType.get(type.type),
  }));
  const currency = field('currency', 'Currency', { id: idPrefix + '-currency', value: prices.length ? prices[0].currency : 'EUR',
    maxlength: 3, autocapitalize: 'characters', hint: 'Three letters, e.g. EUR, GBP, USD' });
  return {
    items: [...items, currency],
    read: (values) => types.map((type) => ({ seatType: type.type, price: numberOrNull(values['price-' + type.type]),
      currency: textOrNull(values.currency) && values.currency.trim().toUpperCase() })),
    /** "prices[1].price" is the second type's price field; a currency error belongs to the currency field. */
    fieldName: (path) => {
      const match = /^prices\[(\d+)\]\.(\w+)/.exec(path);
      if (!match) {
        return path.split(/[.[]/)[0];
      }
      return match[2] === 'currency' ? 'currency' : 'price-' + (types[match[1]] || {}).type;
    },
  };
}

export async function hallShowsPage(main, hallId, query) {
  loading(main);
  const past = query.get('past') === '1';
  let where;
  let shows;
  let movies;
  try {
    where = await place(hallId);
    const from = past ? {} : { from: new Date(Date.now() - 86400000).toISOString() };
    [shows, movies] = await Promise.all([
      api('GET', '/api/v1/admin/halls/' + hallId + '/shows?' + new URLSearchParams(from)), allMovies()]);
  } catch (problem) {
    failed(main, problem);
    return;
  }
  const { zone } = where;
  const titles = new Map(movies.map((movie) => [movie.id, movie.title]));
  const types = typesOf(where.hall.layout);
  const latest = shows.length ? shows[shows.length - 1].prices : [];

  const movie = field('movieId', 'Movie', { id: 'show-movie',
    options: [{ value: '', label: 'Choose a movie' }, ...movies.map((m) => ({ value: m.id, label: m.title + ' (' + m.durationMinutes + ' min)' }))] });
  const startsAt = field('startsAt', 'Starts at (' + zone + ' time)', { type: 'datetime-local', id: 'show-starts-at',
    hint: 'Local time in ' + where.city.name + '; the end follows from the movie\'s running time.' });
  const prices = priceFields(types, latest, 'show');
  const schedule = sendingForm({
    label: 'Schedule a show', items: [movie, startsAt, ...prices.items], submitLabel: 'Schedule show', fieldName: prices.fieldName,
    submit: async (values) => {
      const created = await api('POST', '/api/v1/admin/shows', { body: {
        movieId: textOrNull(values.movieId), hallId, startsAt: instantOf(values.startsAt, zone), prices: prices.read(values),
      } });
      carry('Scheduled ' + titles.get(created.movieId) + ' on ' + localTime(created.startsAt, zone) + '.');
      hallShowsPage(main, hallId, query);
      return undefined;
    },
  });

  const list = shows.length
    ? table('Shows in ' + where.hall.name, ['Starts', 'Ends', 'Movie', 'Prices', 'Status', ''], shows.map((s) => [
      localTime(s.startsAt, zone), localTime(s.endsAt, zone, { hour: '2-digit', minute: '2-digit' }),
      titles.get(s.movieId) || s.movieId,
      s.prices.map((p) => p.seatType.toLowerCase() + ' ' + money(p.price, p.currency)).join(', '),
      s.status === 'CANCELLED' ? h('span', { class: 'status cancelled' }, 'Cancelled') : 'Scheduled',
      h('a', { href: '#/show/' + s.id, 'aria-label': 'Manage the show of ' + localTime(s.startsAt, zone) }, 'Manage')]))
    : h('p', { class: 'muted' }, past ? 'This hall has no shows.' : 'No shows from yesterday on.');

  page(main, 'Shows in ' + where.hall.name, trail(where), takeCarried(),
    h('p', { class: 'muted' }, where.cinema.name + ', ' + where.city.name + '. Times in ' + zone + ' ('
      + zoneName(Date.now(), zone) + ').'),
    h('p', {}, past
      ? h('a', { href: '#/shows/' + hallId }, 'Hide past shows')
      : h('a', { href: '#/shows/' + hallId + '?past=1' }, 'Include past shows')),
    list,
    h('h2', {}, 'Schedule a show'),
    types.length ? schedule.form : notice('The hall has no seats: give it a layout first.', 'warn'));
}

export async function showPage(main, showId) {
  loading(main);
  let current;
  let where;
  let movie;
  try {
    current = await api('GET', '/api/v1/admin/shows/' + showId);
    [where, movie] = await Promise.all([place(current.hallId), api('GET', '/api/v1/admin/movies/' + current.movieId)]);
  } catch (problem) {
    failed(main, problem);
    return;
  }
  const { zone } = where;
  const types = typesOf(where.hall.layout);
  const cancelled = current.status === 'CANCELLED';

  const summary = h('dl', { class: 'facts' });
  const describe = () => show(summary,
    h('dt', {}, 'Movie'), h('dd', {}, movie.title + ' (' + movie.durationMinutes + ' min)'),
    h('dt', {}, 'Starts'), h('dd', {}, localTime(current.startsAt, zone) + ' ' + zoneName(current.startsAt, zone)),
    h('dt', {}, 'Ends'), h('dd', {}, localTime(current.endsAt, zone) + ' ' + zoneName(current.endsAt, zone)),
    h('dt', {}, 'On sale'), h('dd', {}, localTime(current.salesOpenAt, zone) + ' to ' + localTime(current.salesCloseAt, zone)),
    h('dt', {}, 'Prices'), h('dd', {}, current.prices.map((p) => p.seatType.toLowerCase() + ' ' + money(p.price, p.currency)).join(', ')),
    h('dt', {}, 'Status'), h('dd', {}, cancelled ? 'Cancelled' : 'Scheduled'));
  describe();

  const sales = salesSection(showId);
  const parts = [];
  if (cancelled) {
    parts.push(notice('This show was cancelled: it no longer changes, and its bookings were cancelled and refunded.', 'warn'));
  } else {
    const startsAt = field('startsAt', 'Starts at (' + zone + ' time)', { type: 'datetime-local', id: 'show-new-starts-at',
      value: wallClock(current.startsAt, zone) });
    const prices = priceFields(types, current.prices, 'change');
    const change = sendingForm({
      label: 'Move or reprice', items: [startsAt, ...prices.items], submitLabel: 'Save changes', fieldName: prices.fieldName,
      submit: async (values) => {
        // a sale window that closed at the start moves with it; one set apart from the start stays
        const closeAtStart = current.salesCloseAt === current.startsAt;
        current = await api('PUT', '/api/v1/admin/shows/' + showId, { body: {
          startsAt: instantOf(values.startsAt, zone), prices: prices.read(values),
          salesCloseAt: closeAtStart ? null : current.salesCloseAt,
        }, version: current.version });
        describe();
        return 'Saved: the show starts ' + localTime(current.startsAt, zone) + '.';
      },
    });
    const cancelArea = h('div', { class: 'danger-zone' });
    const cancelButton = h('button', { type: 'button', class: 'danger' }, 'Cancel show…');
    cancelButton.addEventListener('click', async () => {
      cancelButton.disabled = true;
      let consequence;
      try {
        consequence = cancellationWords(await api('GET', '/api/v1/admin/shows/' + showId + '/sales'));
      } catch (problem) {
        if (isKeyRefused(problem)) {
          return;
        }
        consequence = 'What it does to bookings is not known right now (' + problem.message + ').';
      } finally {
        cancelButton.disabled = false;
      }
      confirmIn(cancelArea, 'Cancel this show? ' + consequence + ' It leaves sale and search, and cannot be undone.',
        'Cancel the show', async () => {
          await api('DELETE', '/api/v1/admin/shows/' + showId, { version: current.version });
          carry('The show was cancelled.');
          showPage(main, showId);
        }, 'Keep the show');
    });
    parts.push(h('h2', {}, 'Move or reprice'), change.form,
      h('h2', {}, 'Cancel'), h('p', {}, cancelButton), cancelArea,
      h('h2', {}, 'Blocked seats'), blockingSection(showId, sales.refresh),
      h('h2', {}, 'Waiting room'), roomSection(showId, zone));
  }
  page(main, movie.title + ', ' + localTime(current.startsAt, zone), [...trail(where), ['Shows', '#/shows/' + where.hall.id]],
    takeCarried(), summary, ...parts, h('h2', {}, 'Sales'), sales.element);
}

/**
 * What cancelling does, from the show's sales: every confirmed booking is cancelled and refunded in full, held seats
 * are released.
 */
function cancellationWords(sales) {
  const confirmed = (sales.bookings || []).filter((tally) => tally.status === 'CONFIRMED');
  const count = confirmed.reduce((sum, tally) => sum + tally.bookings, 0);
  const seats = confirmed.reduce((sum, tally) => sum + tally.seats, 0);
  const words = [count
    ? count + ' booking' + (count === 1 ? '' : 's') + ' (' + seats + ' seat' + (seats === 1 ? '' : 's') + ') will be cancelled and '
      + confirmed.map((tally) => money(tally.amount, tally.currency)).join(' + ') + ' refunded in full.'
    : 'No seat is sold yet, so no booking is affected.'];
  const held = sales.seats.HELD || 0;
  if (held) {
    words.push(held + ' seat' + (held === 1 ? ' is' : 's are') + ' held by customers right now and will not be sold.');
  }
  return words.join(' ');
}

/** The show's seats per status, as a table, refreshed on demand. */
function salesSection(showId) {
  const body = h('div', { 'aria-live': 'polite' });
  const refresh = async () => {
    try {
      const sales = await api('GET', '/api/v1/admin/shows/' + showId + '/sales');
      const order = ['SOLD', 'HELD', 'AVAILABLE', 'BLOCKED'];
      const statuses = Object.keys(sales.seats).sort((a, b) => (order.indexOf(a) + 1 || 9) - (order.indexOf(b) + 1 || 9));
      show(body, table('Seats by status', ['Status', 'Seats', 'Share'], [
        ...statuses.map((status) => [status.charAt(0) + status.slice(1).toLowerCase(), sales.seats[status].toLocaleString(),
          (100 * sales.seats[status] / Math.max(1, sales.seatCount)).toFixed(1) + ' %']),
        [h('strong', {}, 'All seats'), h('strong', {}, sales.seatCount.toLocaleString()), '100 %']]),
      (sales.bookings || []).length ? table('Bookings', ['Status', 'Bookings', 'Seats', 'Amount', 'Refunded'],
        sales.bookings.map((tally) => [tally.status.charAt(0) + tally.status.slice(1).toLowerCase(), tally.bookings.toLocaleString(),
          tally.seats.toLocaleString(), money(tally.amount, tally.currency), money(tally.refunded, tally.currency)])) : null);
    } catch (problem) {
      if (!isKeyRefused(problem)) {
        show(body, notice(problem.code === 'SHOW_NOT_FOUND'
          ? 'No sales yet: the booking service has not stocked this show\'s seats (it does within seconds of scheduling).'
          : problem.message, problem.code === 'SHOW_NOT_FOUND' ? 'warn' : 'error'));
      }
    }
  };
  refresh();
  return { element: h('div', {}, body, h('p', {}, h('button', { type: 'button', onclick: refresh }, 'Refresh sales'))), refresh };
}

const STATUS = {
  AVAILABLE: { name: 'available', color: null },
  HELD: { name: 'held', color: '#8a5a00' },
  SOLD: { name: 'sold', color: '#595959' },
  BLOCKED: { name: 'blocked', color: '#b3261e' },
};

/** The seat map of a show on a grid: select seats, then block or unblock them. */
function blockingSection(showId, afterChange) {
  let cells = [];
  const legend = h('p', { class: 'counts', 'aria-live': 'polite' });
  const area = h('div', { class: 'form-notice' });
  const grid = seatGrid({
    id: 'seat-map',
    label: 'Seat map: arrow keys move, Space selects, Shift+arrows extend, Escape clears',
    paint(ctx, index, x, y, size) {
      const seat = cells[index];
      if (!seat) {
        return;
      }
      const type = SEAT_TYPES.find((t) => t.type === seat.type) || SEAT_TYPES[0];
      const status = STATUS[seat.status] || STATUS.AVAILABLE;
      paintSeat(ctx, x, y, size, status.color || type.color,
        { filled: seat.status !== 'AVAILABLE', letter: type.letter, cross: seat.status === 'BLOCKED' });
    },
    describe(index) {
      const seat = cells[index];
      return seat ? 'seat ' + seat.seatId + ', ' + seat.type.toLowerCase() + ', ' + (STATUS[seat.status] || { name: seat.status }).name
        : 'no seat';
    },
    onSelect: () => counts(),
  });

  function counts() {
    const perStatus = {};
    for (const seat of cells) {
      if (seat) perStatus[seat.status] = (perStatus[seat.status] || 0) + 1;
    }
    legend.replaceChildren(...Object.keys(STATUS).map((status) => h('span', { class: 'count' },
      h('span', { class: 'swatch' + (status === 'AVAILABLE' ? ' outline' : ''), style: STATUS[status].color ? 'background:' + STATUS[status].color : '',
        'aria-hidden': 'true' }), STATUS[status].name.charAt(0).toUpperCase() + STATUS[status].name.slice(1) + ': '
        + (perStatus[status] || 0).toLocaleString())),
    h('span', { class: 'count' }, grid.selectedCount().toLocaleString() + ' selected'));
  }

  async function load() {
    try {
      const map = await api('GET', '/api/v1/shows/' + showId + '/seats');
      const width = Math.max(1, ...map.rows.map((row) => row.seats.length + row.seats.filter((s) => s.aisleAfter).length));
      cells = new Array(map.rows.length * width).fill(null);
      map.rows.forEach((row, r) => {
        let c = 0;
        row.seats.forEach((seat, i) => {
          cells[r * width + c] = seat;
          c += seat.aisleAfter && i < row.seats.length - 1 ? 2 : 1;
        });
      });
      grid.setSize(map.rows.length, width, map.rows.map((row) => row.row));
      counts();
    } catch (problem) {
      if (!isKeyRefused(problem)) {
        show(area, notice(problem.code === 'SHOW_NOT_FOUND'
          ? 'The seat map is not ready yet; try again in a few seconds.' : problem.message, 'error'));
      }
    }
  }

  /** Sends the chosen seats that can change, at most 1,000 per request (the API's limit). */
  async function change(method, wanted) {
    const seatIds = grid.selection().map((index) => cells[index]).filter((seat) => seat && wanted(seat)).map((seat) => seat.seatId);
    if (!seatIds.length) {
      show(area, notice(method === 'POST' ? 'Select available seats to block: held and sold seats cannot be blocked.' : 'Select blocked seats to unblock.', 'warn'));
      return;
    }
    show(area, h('p', { class: 'muted', role: 'status' }, 'Saving…'));
    try {
      for (let i = 0; i < seatIds.length; i += 1000) {
        await api(method, '/api/v1/admin/shows/' + showId + '/blocked-seats', { body: { seatIds: seatIds.slice(i, i + 1000) } });
      }
      show(area, notice(seatIds.length + ' seat' + (seatIds.length === 1 ? '' : 's') + (method === 'POST' ? ' blocked.' : ' unblocked.'), 'ok'));
      grid.clearSelection();
      await load();
      afterChange();
    } catch (problem) {
      if (!isKeyRefused(problem)) {
        show(area, notice(problem.message, 'error'));
      }
    }
  }

  load();
  return h('div', {},
    h('p', { class: 'muted' }, 'Select seats on the map (drag, or arrow keys and Space), then block or unblock them. '
      + 'Blocked seats are not sold; only available seats can be blocked.'),
    h('div', { class: 'row', role: 'toolbar', 'aria-label': 'Seat blocking', 'aria-controls': 'seat-map' },
      h('button', { type: 'button', onclick: () => change('POST', (seat) => seat.status === 'AVAILABLE') },
        'Block selected seats'),
      h('button', { type: 'button', onclick: () => change('DELETE', (seat) => seat.status === 'BLOCKED') }, 'Unblock selected seats'),
      h('button', { type: 'button', onclick: () => grid.clearSelection() }, 'Clear selection'),
      h('button', { type: 'button', onclick: load }, 'Reload seat map')),
    area, grid.element, legend);
}

