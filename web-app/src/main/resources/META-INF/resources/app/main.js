// The customer app: hash routes to pages, the account links, and every problem shown in words instead of a blank page.

import { webConfig } from '/shared/api.js';
import { h, show, notice } from '/shared/dom.js';
import { home, city, movieShows, search } from './browse.js';
import { seatMap } from './seatmap.js';
import { holdPage, bookingPage, myBookings } from './checkout.js';
import { waitPage } from './waitlist.js';
import { signIn } from './signin.js';
import { currentSession, signOut } from './session.js';

const main = document.getElementById('main');
let leave = () => {};

const ROUTES = [
  [/^\/$/, () => home(main)],
  [/^\/city\/([\w-]+)$/, (m, params) => city(main, m[1], params)],
  [/^\/city\/([\w-]+)\/movie\/([\w-]+)$/, (m, params) => movieShows(main, m[1], m[2], params)],
  [/^\/search$/, (m, params) => search(main, params)],
  [/^\/show\/([\w-]+)$/, (m) => seatMap(main, m[1])],
  [/^\/hold\/([\w-]+)$/, (m) => signedIn(() => holdPage(main, m[1]))],
  [/^\/booking\/([\w-]+)$/, (m) => signedIn(() => bookingPage(main, m[1]))],
  [/^\/bookings$/, () => signedIn(() => myBookings(main))],
  [/^\/waitlist\/([\w-]+)$/, (m, params) => signedIn(() => waitPage(main, m[1], params))],
  [/^\/signin$/, (m, params) => signIn(main, { next: params.get('next') || '#/' })],
];

/** Pages that need a customer send them to sign in first, and back here afterwards. */
function signedIn(page) {
  if (!currentSession()) {
    location.hash = '#/signin?next=' + encodeURIComponent(location.hash);
    return undefined;
  }
  return page();
}

async function route() {
  leave();
  leave = () => {};
  const [path, query] = (location.hash.slice(1) || '/').split('?');
  const params = new URLSearchParams(query || '');
  const match = ROUTES.map(([pattern, page]) => [path.match(pattern), page]).find(([m]) => m);
  try {
    const config = await webConfig();
    if (!config.apiKey) {
      show(main, notice('This platform has no web client key configured (TICKETING_GATEWAY_WEB_API_KEY).', 'error'));
      return;
    }
    if (!match) {
      show(main, notice('There is no such page.', 'error'), h('a', { href: '#/' }, 'Go to the start'));
      return;
    }
    const stop = await match[1](match[0], params);
    if (typeof stop === 'function') {
      leave = stop;
    }
    if (performance.getEntriesByName('first-page-rendered').length === 0) {
      // how long the first page took from the navigation: the browser tests report it
      performance.mark('first-page-rendered');
    }
    main.focus({ preventScroll: true });
  } catch (problem) {
    if (problem.code?.startsWith('SESSION_')) {
      await signOut();
      location.hash = '#/signin?next=' + encodeURIComponent(location.hash);
      return;
    }
    show(main, notice(problem.message || 'Something went wrong.', 'error'),
      h('p', {}, h('button', { type: 'button', onclick: route }, 'Try again'), ' ', h('a', { href: '#/' }, 'Go to the start')));
  }
}

function account() {
  const session = currentSession();
  show(document.getElementById('account'), session
    ? [h('a', { href: '#/bookings' }, 'My bookings'), ' ',
      h('button', { type: 'button', class: 'link', title: session.email, 'aria-label': 'Sign out ' + session.email,
        onclick: async () => { await signOut(); location.hash = '#/'; } }, 'Sign out')]
    : h('a', { href: '#/signin?next=' + encodeURIComponent(location.hash || '#/') }, 'Sign in'));
}

window.addEventListener('hashchange', () => {
  account();
  route();
});
window.addEventListener('session-changed', account);
account();
route();
