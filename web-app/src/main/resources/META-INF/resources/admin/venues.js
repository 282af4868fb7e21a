// Cities, their cinemas and the cinemas' halls: list, create, edit, delete.

import { h } from '/shared/dom.js';
import { api } from './session.js';
import { confirmIn, field, numberOrNull, sendingForm, textOrNull } from './forms.js';
import { failed, loading, page, table } from './page.js';

/** IANA zone names the browser knows, offered while typing a city's time zone. */
function zoneList() {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return h('datalist', { id: 'time-zones' }, zones.map((zone) => h('option', { value: zone })));
}

function cityFields(city = {}) {
  return [
    field('name', 'Name', { value: city.name, autocomplete: 'off' }),
    field('country', 'Country', { value: city.country, hint: 'Two-letter code, e.g. NL' }),
    field('timeZone', 'Time zone', { value: city.timeZone, list: 'time-zones',
      hint: 'IANA name, e.g. Europe/Amsterdam: show times are entered and shown in it' }),
    field('latitude', 'Latitude', { type: 'number', step: 'any', value: city.latitude }),
    field('longitude', 'Longitude', { type: 'number', step: 'any', value: city.longitude }),
  ];
}

function cityBody(values) {
  return { name: values.name, country: values.country, timeZone: textOrNull(values.timeZone),
    latitude: numberOrNull(values.latitude), longitude: numberOrNull(values.longitude) };
}

export async function citiesPage(main) {
  loading(main);
  let cities;
  try {
    cities = await api('GET', '/api/v1/cities');
  } catch (problem) {
    failed(main, problem);
    return;
  }
  const create = sendingForm({
    label: 'New city', items: cityFields(), submitLabel: 'Create city',
    submit: async (values) => {
      const city = await api('POST', '/api/v1/admin/cities', { body: cityBody(values) });
      location.hash = '#/cities/' + city.id;
    },
  });
  page(main, 'Cities', [],
    cities.length
      ? table('Cities', ['Name', 'Country', 'Time zone', 'Position'], cities.map((city) => [
        h('a', { href: '#/cities/' + city.id }, city.name), city.country, city.timeZone || 'UTC',
        city.latitude.toFixed(4) + ', ' + city.longitude.toFixed(4)]))
      : h('p', { class: 'muted' }, 'No cities yet.'),
    h('h2', {}, 'New city'), zoneList(), create.form);
}

export async function cityPage(main, cityId) {
  loading(main);
  let city;
  let cinemas;
  try {
    [city, cinemas] = await Promise.all([api('GET', '/api/v1/admin/cities/' + cityId),
      api('GET', '/api/v1/admin/cities/' + cityId + '/cinemas')]);
  } catch (problem) {
    failed(main, problem);
    return;
  }
  const danger = h('div', { class: 'danger-zone' });
  const edit = sendingForm({
    label: 'Edit city', items: cityFields(city), submitLabel: 'Save city',
    submit: async (values) => {
      city = await api('PUT', '/api/v1/admin/cities/' + cityId, { body: cityBody(values), version: city.version });
      heading.textContent = city.name;
      return 'Saved.';
    },
    extra: [h('button', { type: 'button', class: 'danger', onclick: () => confirmIn(danger,
      'Delete ' + city.name + '? Only a city without cinemas can be deleted.', 'Delete city', async () => {
        await api('DELETE', '/api/v1/admin/cities/' + cityId, { version: city.version });
        location.hash = '#/cities';
      }) }, 'Delete city…')],
  });
  const create = sendingForm({
    label: 'New cinema', items: cinemaFields({ latitude: city.latitude, longitude: city.longitude }),
    submitLabel: 'Create cinema',
    submit: async (values) => {
      const cinema = await api('POST', '/api/v1/admin/cinemas', { body: cinemaBody(cityId, values) });
      location.hash = '#/cinemas/' + cinema.id;
    },
  });
  const heading = page(main, city.name, [['Cities', '#/cities']],
    h('h2', {}, 'Cinemas'),
    cinemas.length
      ? table('Cinemas of ' + city.name, ['Name', 'Address', 'Postal code'], cinemas.map((cinema) => [
        h('a', { href: '#/cinemas/' + cinema.id }, cinema.name), cinema.address, cinema.postalCode]))
      : h('p', { class: 'muted' }, 'No cinemas in this city yet.'),
    h('details', {}, h('summary', {}, 'New cinema'), create.form),
    h('h2', {}, 'City details'), zoneList(), edit.form, danger);
}

function cinemaFields(cinema = {}) {
  return [
    field('name', 'Name', { value: cinema.name, autocomplete: 'off' }),
    field('address', 'Address', { value: cinema.address }),
    field('postalCode', 'Postal code', { value: cinema.postalCode }),
    field('latitude', 'Latitude', { type: 'number', step: 'any', value: cinema.latitude }),
    field('longitude', 'Longitude', { type: 'number', step: 'any', value: cinema.longitude }),
  ];
}

function cinemaBody(cityId, values) {
  return { cityId, name: values.name, address: values.address, postalCode: values.postalCode,
    latitude: numberOrNull(values.latitude), longitude: numberOrNull(values.longitude) };
}

export async function cinemaPage(main, cinemaId) {
  loading(main);
  let cinema;
  let halls;
  let city;
  try {
    [cinema, halls] = await Promise.all([api('GET', '/api/v1/admin/cinemas/' + cinemaId),
      api('GET', '/api/v1/admin/cinemas/' + cinemaId + '/halls')]);
    city = await api('GET', '/api/v1/admin/cities/' + cinema.cityId);
  } catch (problem) {
    failed(main, problem);
    return;
  }
  const danger = h('div', { class: 'danger-zone' });
  const edit = sendingForm({
    label: 'Edit cinema', items: cinemaFields(cinema), submitLabel: 'Save cinema',
    submit: async (values) => {
      cinema = await api('PUT', '/api/v1/admin/cinemas/' + cinemaId,
        { body: cinemaBody(cinema.cityId, values), version: cinema.version });
      heading.textContent = cinema.name;
      return 'Saved.';
    },
    extra: [h('button', { type: 'button', class: 'danger', onclick: () => confirmIn(danger,
      'Delete ' + cinema.name + '? Only a cinema without halls can be deleted.', 'Delete cinema', async () => {
        await api('DELETE', '/api/v1/admin/cinemas/' + cinemaId, { version: cinema.version });
        location.hash = '#/cities/' + cinema.cityId;
      }) }, 'Delete cinema…')],
  });
  const heading = page(main, cinema.name, [['Cities', '#/cities'], [city.name, '#/cities/' + city.id]],
    h('h2', {}, 'Halls'),
    halls.length
      ? table('Halls of ' + cinema.name, ['Hall', 'Seats', 'Shows'], halls.map((hall) => [
        h('a', { href: '#/halls/' + hall.id }, hall.name), hall.seatCount.toLocaleString(),
        h('a', { href: '#/shows/' + hall.id }, 'Shows in ' + hall.name)]))
      : h('p', { class: 'muted' }, 'No halls yet.'),
    h('p', {}, h('a', { class: 'button', href: '#/halls/new/' + cinemaId }, 'New hall')),
    h('h2', {}, 'Cinema details'), edit.form, danger);
}
