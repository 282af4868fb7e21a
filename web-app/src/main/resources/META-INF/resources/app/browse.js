// Finding a show: a city (the nearest one when the browser may tell where it is), then a movie on a date, then a
// cinema and a show time with its availability; or a search that forgives typos and says "did you mean".

import { call } from '/shared/api.js';
import { h, show, money, localTime, isoDate, notice } from '/shared/dom.js';
import { note, recall } from './session.js';

const CITY = 'ticketing.city';

let citiesLoaded;

async function cities() {
  citiesLoaded ||= call('GET', '/api/v1/cities').catch((problem) => {
    citiesLoaded = null;
    throw problem;
  });
  return citiesLoaded;
}

/** The city chosen in this browser, or null. */
export async function chosenCity() {
  const id = localStorage.getItem(CITY);
  return id ? (await cities()).find((city) => city.id === id) || null : null;
}

function choose(city) {
  localStorage.setItem(CITY, city.id);
}

/** Home: pick a city; the nearest one is suggested when the browser already may share its location. */
export async function home(main) {
  show(main, h('h1', {}, 'Where are you?'), h('p', { class: 'muted' }, 'Loading cities…'));
  const all = await cities();
  const status = h('div', { 'aria-live': 'polite' });
  const nearest = h('button', { type: 'button', onclick: () => locate(true) }, 'Find the nearest city');
  const list = h('ul', { class: 'cards', 'aria-label': 'Cities' }, [...all]
    .sort((a, b) => a.country.localeCompare(b.country) || a.name.localeCompare(b.name))
    .map((city) => h('li', { class: 'card' },
      h('a', { href: '#/city/' + city.id, onclick: () => choose(city) }, city.name),
      h('span', { class: 'muted' }, ' ' + city.country))));
  show(main, h('h1', {}, 'Where are you?'), searchForm(), h('div', { class: 'row' }, nearest), status, list);

  async function locate(asked) {
    if (!navigator.geolocation) {
      return;
    }
    if (!asked && navigator.permissions) {
      const permission = await navigator.permissions.query({ name: 'geolocation' }).catch(() => null);
      if (!permission || permission.state !== 'granted') {
        return;
      }
    }
    navigator.geolocation.getCurrentPosition((position) => {
      const here = position.coords;
      const city = [...all].sort((a, b) => distance(here, a) - distance(here, b))[0];
      if (city) {
        show(status, notice('Nearest to you: ' + city.name + '.', 'ok'));
        choose(city);
        location.hash = '#/city/' + city.id;
      }
    }, () => show(status, notice('Your location is not available; pick your city below.', 'warn')), { timeout: 8000 });
  }
  locate(false);
}

/** Kilometres between two points on the Earth (haversine). */
function distance(from, to) {
  const rad = Math.PI / 180;
  const dLat = (to.latitude - from.latitude) * rad;
  const dLon = (to.longitude - from.longitude) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(from.latitude * rad) * Math.cos(to.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(a));
}

function searchForm(value = '') {
  const input = h('input', { id: 'search', type: 'search', name: 'q', value, placeholder: 'Movie, actor, genre…' });
  return h('form', { role: 'search', class: 'row', onsubmit: (event) => {
    event.preventDefault();
    location.hash = '#/search?q=' + encodeURIComponent(input.value.trim());
  } }, h('div', {}, h('label', { for: 'search' }, 'Search shows'), input), h('button', { type: 'submit' }, 'Search'));
}

/** A city's movies on a local date (today by default), with the next seven days to pick from. */
export async function city(main, cityId, params) {
  const place = (await cities()).find((c) => c.id === cityId);
  if (!place) {
    show(main, notice('This city does not exist (any more).', 'error'), h('a', { href: '#/' }, 'Choose a city'));
    return;
  }
  choose(place);
  const date = params.get('date') || isoDate(place.timeZone);
  const days = h('nav', { class: 'days', 'aria-label': 'Dates' }, [0, 1, 2, 3, 4, 5, 6].map((offset) => {
    const day = isoDate(place.timeZone, offset);
    const label = offset === 0 ? 'Today' : new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' })
      .format(new Date(day + 'T12:00:00Z'));
    return h('a', { href: '#/city/' + cityId + '?date=' + day, 'aria-current': day === date ? 'date' : null }, label);
  }));
  const list = h('div', {}, h('p', { class: 'muted' }, 'Loading movies…'));
  show(main, h('h1', {}, 'Movies in ' + place.name), searchForm(), days, list);
  const movies = await call('GET', `/api/v1/cities/${cityId}/movies?date=${date}`);
  if (movies.length === 0) {
    show(list, notice('No shows on this date. Try another day.'));
    return;
  }
  show(list, h('ul', { class: 'cards', 'aria-label': 'Movies' }, movies.map((movie) => h('li', { class: 'card movie' },
    h('h2', {}, h('a', { href: `#/city/${cityId}/movie/${movie.id}?date=${date}` }, movie.title)),
    h('p', { class: 'muted' }, [movie.genre, movie.language, movie.durationMinutes + ' min', movie.rating].filter(Boolean).join(' · ')),
    h('p', {}, movie.showCount + (movie.showCount === 1 ? ' show' : ' shows') + ', first at ' +
      localTime(movie.firstShowAt, place.timeZone, { hour: '2-digit', minute: '2-digit' }))))));
}

const AVAILABILITY = { AVAILABLE: 'Seats available', ALMOST_FULL: 'Almost full', FULL: 'Sold out' };

/** The cinemas showing a movie on a date, each with its show times and how full they are. */
export async function movieShows(main, cityId, movieId, params) {
  const place = (await cities()).find((c) => c.id === cityId);
  const date = params.get('date') || isoDate(place.timeZone);
  const [movie, cinemas] = await Promise.all([call('GET', '/api/v1/movies/' + movieId),
    call('GET', `/api/v1/cities/${cityId}/movies/${movieId}/shows?date=${date}`)]);
  show(main,
    h('p', {}, h('a', { href: `#/city/${cityId}?date=${date}` }, '← Movies in ' + place.name)),
    h('h1', {}, movie.title),
    h('p', { class: 'muted' }, [movie.genre, movie.language, movie.durationMinutes + ' min', movie.rating].filter(Boolean).join(' · ')),
    movie.description ? h('p', {}, movie.description) : null,
    cinemas.length === 0 ? notice('No more shows of this movie on this date.') : null,
    cinemas.map(({ cinema, shows }) => h('section', { class: 'card cinema' },
      h('h2', {}, cinema.name), h('p', { class: 'muted' }, cinema.address),
      h('ul', { class: 'times', 'aria-label': 'Show times at ' + cinema.name }, shows.map((showTime) => {
        const status = overall(showTime.availability);
        const from = Math.min(...showTime.availability.map((a) => Number(a.price)));
        const currency = showTime.availability[0]?.currency;
        const label = localTime(showTime.startsAt, place.timeZone, { hour: '2-digit', minute: '2-digit' });
        return h('li', {}, status === 'FULL'
          ? h('span', { class: 'time full' }, label, h('small', {}, AVAILABILITY.FULL))
          : h('a', { class: 'time ' + status.toLowerCase(), href: '#/show/' + showTime.showId,
            'aria-label': `${label}, ${showTime.hallName}, ${AVAILABILITY[status]}, from ${money(from, currency)}` },
          label, h('small', {}, showTime.hallName + ' · ' + AVAILABILITY[status])));
      })))));
}

function overall(availability) {
  const statuses = availability.map((a) => a.status);
  if (statuses.every((s) => s === 'FULL')) {
    return 'FULL';
  }
  return statuses.includes('AVAILABLE') ? 'AVAILABLE' : 'ALMOST_FULL';
}

/** Search results for a keyword, in the chosen city when there is one, with "did you mean" on a typo. */
export async function search(main, params) {
  const keyword = params.get('q') || '';
  const place = await chosenCity();
  const results = h('div', {}, h('p', { class: 'muted' }, 'Searching…'));
  show(main, h('h1', {}, 'Search'), searchForm(keyword), results);
  if (!keyword) {
    show(results);
    return;
  }
  const query = new URLSearchParams({ keyword, spellcheck: 'true', size: '20', sort: 'date,asc' });
  if (place) {
    query.set('city', place.name);
  }
  const found = await call('GET', '/api/v1/search?' + query);
  const suggestion = (found.suggestions || []).find((s) => s.toLowerCase() !== keyword.toLowerCase());
  show(results,
    suggestion ? h('p', { class: 'suggestion' }, 'Did you mean ',
      h('a', { href: '#/search?q=' + encodeURIComponent(suggestion) }, suggestion), '?') : null,
    h('p', { class: 'muted' }, found.total + (found.total === 1 ? ' show' : ' shows') + (place ? ' in ' + place.name : '')),
    h('ul', { class: 'cards', 'aria-label': 'Shows found' }, found.items.map((item) => h('li', { class: 'card' },
      h('h2', {}, item.title),
      h('p', {}, item.cinema.name + (item.cinema.cityName ? ', ' + item.cinema.cityName : '')),
      h('a', { class: 'button', href: '#/show/' + item.showId },
        localTime(item.startsAt, place?.timeZone) + ' · ' + item.hallName)))));
}

/** The show as the customer's pages present it (movie, cinema, time in the city's zone, prices), cached per tab. */
export async function showDetails(showId) {
  const known = recall('show.' + showId);
  if (known) {
    return known;
  }
  const details = await call('GET', '/api/v1/shows/' + showId);
  note('show.' + showId, details);
  return details;
}
