// The admin console: asks once per browser session for the admin key, then routes #/… to its pages. Every page is
// built on the public admin API alone.

import { h, notice, show } from '/shared/dom.js';
import { adminKey, checkKey, forgetKey, rememberKey, whenKeyRefused } from './session.js';
import { cinemaPage, cityPage, citiesPage } from './venues.js';
import { moviePage, moviesPage } from './movies.js';
import { hallPage } from './halls.js';
import { hallShowsPage, showPage } from './shows.js';
import { searchIndexPage } from './search-index.js';

const main = document.getElementById('main');
const nav = document.getElementById('sections');

/** Routes: a pattern of the hash's path and the page it shows, given the captured ids and the query. */
const ROUTES = [
  [/^\/cities$/, citiesPage],
  [/^\/cities\/([\w-]+)$/, cityPage],
  [/^\/cinemas\/([\w-]+)$/, cinemaPage],
  [/^\/halls\/new\/([\w-]+)$/, (target, cinemaId) => hallPage(target, { cinemaId })],
  [/^\/halls\/([\w-]+)$/, (target, hallId) => hallPage(target, { hallId })],
  [/^\/movies$/, moviesPage],
  [/^\/movies\/new$/, (target, query) => moviePage(target, null, query)],
  [/^\/movies\/([\w-]+)$/, moviePage],
  [/^\/shows\/([\w-]+)$/, hallShowsPage],
  [/^\/show\/([\w-]+)$/, showPage],
  [/^\/search-index$/, searchIndexPage],
];

const SECTIONS = [['Cities', '#/cities', /^\/(cities|cinemas|halls|shows|show)\b/], ['Movies', '#/movies', /^\/movies/],
  ['Search index', '#/search-index', /^\/search-index/]];

/** What a page left running (a poll, say), stopped when another page opens. */
let stopPage = null;
/** A message to show above the key form: why it is asked for again. */
let keyMessage = null;

function route() {
  if (stopPage) {
    stopPage();
    stopPage = null;
  }
  if (!adminKey()) {
    keyForm();
    return;
  }
  const [path, search] = (location.hash.slice(1) || '/').split('?');
  const query = new URLSearchParams(search || '');
  markSection(path);
  for (const [pattern, render] of ROUTES) {
    const match = path.match(pattern);
    if (match) {
      // every page renders into an element of its own: one still loading when the admin goes on fills an element no
      // longer shown, instead of replacing the page they went on to (or the key form)
      const page = h('div');
      show(main, page);
      Promise.resolve(render(page, ...match.slice(1), query)).then((stop) => {
        if (typeof stop !== 'function') {
          return;
        }
        if (page.isConnected) {
          stopPage = stop;
        } else {
          stop();
        }
      });
      return;
    }
  }
  location.replace('#/cities');
}

function markSection(path) {
  show(nav, h('ul', {}, SECTIONS.map(([text, href, pattern]) => h('li', {},
    h('a', { href, 'aria-current': pattern.test(path) ? 'page' : undefined }, text))),
  h('li', {}, h('button', { type: 'button', class: 'link', onclick: forget }, 'Forget key'))));
}

function forget() {
  forgetKey();
  keyMessage = notice('The admin key was forgotten in this browser.', 'ok');
  route();
}

/** Asks for the admin key; a key the gateway refuses is explained and asked for again. */
function keyForm() {
  show(nav);
  document.title = 'Admin key – Ticketing admin';
  const input = h('input', { id: 'admin-key', name: 'key', type: 'password', autocomplete: 'off', required: true,
    'aria-describedby': 'admin-key-hint' });
  const error = h('p', { class: 'field-error', id: 'admin-key-error', hidden: true });
  const button = h('button', { type: 'submit', class: 'primary' }, 'Use this key');
  const form = h('form', { class: 'key-form', novalidate: true },
    h('label', { for: 'admin-key' }, 'Admin key'), input,
    h('p', { class: 'hint muted', id: 'admin-key-hint' },
      'Kept in this browser tab until you close it or choose "Forget key".'),
    error, h('div', { class: 'row actions' }, button));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const key = input.value.trim();
    const refuse = (message) => {
      error.textContent = message;
      error.hidden = false;
      error.setAttribute('role', 'alert');
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', 'admin-key-hint admin-key-error');
      input.focus();
    };
    if (!key) {
      refuse('Enter the admin key.');
      return;
    }
    button.disabled = true;
    try {
      await checkKey(key);
      rememberKey(key);
      keyMessage = null;
      route();
    } catch (problem) {
      refuse(problem.code === 'ADMIN_KEY_REQUIRED' ? 'This key is valid, but it is not an admin key.' : problem.message);
    } finally {
      button.disabled = false;
    }
  });
  const heading = h('h1', { tabindex: -1 }, 'Sign in to the admin console');
  show(main, heading, keyMessage, form);
  input.focus();
}

whenKeyRefused((problem) => {
  keyMessage = notice(problem.message + ' Enter the admin key again.', 'error');
  keyForm();
});

window.addEventListener('hashchange', route);
route();
