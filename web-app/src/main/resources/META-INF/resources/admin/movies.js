// Movies: a list by title, filtered and paged by the API, and a page per movie to create, edit or delete it.

import { h } from '/shared/dom.js';
import { api } from './session.js';
import { confirmIn, field, numberOrNull, sendingForm, textOrNull } from './forms.js';
import { carry, failed, loading, page, table, takeCarried } from './page.js';

const PAGE_SIZE = 25;

export async function moviesPage(main, query) {
  const title = query.get('title') || '';
  const number = Math.max(0, parseInt(query.get('page') || '0', 10) || 0);
  loading(main);
  let result;
  try {
    result = await api('GET', '/api/v1/admin/movies?' + new URLSearchParams({ title, page: number, size: PAGE_SIZE }));
  } catch (problem) {
    failed(main, problem);
    return;
  }
  const filter = h('input', { id: 'movie-filter', type: 'search', name: 'title', value: title });
  const filterForm = h('form', { class: 'row filter', role: 'search' },
    h('div', {}, h('label', { for: 'movie-filter' }, 'Title contains'), filter),
    h('button', { type: 'submit' }, 'Filter'));
  filterForm.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = '#/movies?' + new URLSearchParams({ title: filter.value.trim() });
  });
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const to = (n) => '#/movies?' + new URLSearchParams({ title, page: n });
  page(main, 'Movies', [], takeCarried(),
    h('p', {}, h('a', { class: 'button primary', href: '#/movies/new' }, 'New movie')),
    filterForm,
    result.items.length
      ? table('Movies', ['Title', 'Running time', 'Genre', 'Language', 'Released'], result.items.map((movie) => [
        h('a', { href: '#/movies/' + movie.id }, movie.title), movie.durationMinutes + ' min', movie.genre,
        movie.language, movie.releaseDate]))
      : h('p', { class: 'muted' }, title ? 'No movie title contains "' + title + '".' : 'No movies yet.'),
    h('nav', { class: 'row pager', 'aria-label': 'Pages of movies' },
      number > 0 ? h('a', { class: 'button', href: to(number - 1) }, 'Previous page') : null,
      h('span', {}, 'Page ' + (number + 1) + ' of ' + pages + ' (' + result.total + ' movies)'),
      number + 1 < pages ? h('a', { class: 'button', href: to(number + 1) }, 'Next page') : null));
}

function movieFields(movie = {}) {
  return [
    field('title', 'Title', { value: movie.title, autocomplete: 'off' }),
    field('description', 'Description', { type: 'textarea', value: movie.description }),
    field('durationMinutes', 'Running time (minutes)', { type: 'number', min: 1, value: movie.durationMinutes }),
    field('genre', 'Genre', { value: movie.genre }),
    field('language', 'Language', { value: movie.language }),
    field('releaseDate', 'Release date', { type: 'date', value: movie.releaseDate }),
    field('country', 'Country', { value: movie.country }),
    field('rating', 'Rating (optional)', { value: movie.rating, hint: 'e.g. PG-13' }),
    field('cast', 'Cast (optional)', { type: 'textarea', value: (movie.cast || []).join('\n'), hint: 'One name per line' }),
  ];
}

function movieBody(values) {
  return {
    title: values.title, description: values.description, durationMinutes: numberOrNull(values.durationMinutes),
    genre: values.genre, language: values.language, releaseDate: textOrNull(values.releaseDate), country: values.country,
    rating: textOrNull(values.rating), cast: values.cast.split('\n').map((name) => name.trim()).filter(Boolean),
  };
}

export async function moviePage(main, movieId) {
  let movie = null;
  if (movieId) {
    loading(main);
    try {
      movie = await api('GET', '/api/v1/admin/movies/' + movieId);
    } catch (problem) {
      failed(main, problem);
      return;
    }
  }
  const danger = h('div', { class: 'danger-zone' });
  const form = sendingForm({
    label: movie ? 'Edit movie' : 'New movie', items: movieFields(movie || {}),
    submitLabel: movie ? 'Save movie' : 'Create movie',
    // "cast[2]" names a line of the cast field
    fieldName: (path) => path.split(/[.[]/)[0],
    submit: async (values) => {
      if (movie) {
        movie = await api('PUT', '/api/v1/admin/movies/' + movieId, { body: movieBody(values), version: movie.version });
        heading.textContent = movie.title;
        return 'Saved.';
      }
      const created = await api('POST', '/api/v1/admin/movies', { body: movieBody(values) });
      carry('Movie "' + created.title + '" created.');
      location.hash = '#/movies/' + created.id;
      return undefined;
    },
    extra: movie ? [h('button', { type: 'button', class: 'danger', onclick: () => confirmIn(danger,
      'Delete "' + movie.title + '"? A movie that has had shows is kept for their records.', 'Delete movie', async () => {
        await api('DELETE', '/api/v1/admin/movies/' + movieId, { version: movie.version });
        carry('Movie "' + movie.title + '" deleted.');
        location.hash = '#/movies';
      }) }, 'Delete movie…')] : [],
  });
  const heading = page(main, movie ? movie.title : 'New movie', [['Movies', '#/movies']], takeCarried(), form.form, danger);
}
