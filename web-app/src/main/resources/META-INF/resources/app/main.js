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

/** Routes: a pattern of the hash's path and the page it shows in the element given, with the match and the query. */
const ROUTES = [
  [/^\/$/, (page) => home(page)],
  [/^\/city\/([\w-]+)$/, (page, m, params) => city(page, m[1], params)],
  [/^\/city\/([\w-]+)\/movie\/([\w-]+)$/, (page, m, params) => movieShows(page, m[1], m[2], params)],
  [/^\/search$/, (page, m, params) => search(page, params)],
  [/^\/show\/([\w-]+)$/, (page, m) => seatMap(page, m[1])],
  [/^\/hold\/([\w-]+)$/, (page, m) => signedIn(() => holdPage(page, m[1]))],
  [/^\/booking\/([\w-]+)$/, (page, m) => signedIn(() => bookingPage(page, m[1]))],
  [/^\/bookings$/, (page) => signedIn(() => myBookings(page))],
  [/^\/waitlist\/([\w-]+)$/, (page, m, params) => signedIn(() => waitPage(page, m[1], params))],
  [/^\/signin$/, (page, m, params) => signIn(page, { next: params.get('next') || '#/' })],
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
  // every page renders into an element of its own: one still loading when the customer goes on (the first page's
  // cities, say) fills an element no longer shown, instead of replacing the page they went on to
  const page = h('div');
  show(main, page);
  const [path, query] = (location.hash.slice(1) || '/').split('?');
  const params = new URLSearchParams(query || '');
  const match = ROUTES.map(([pattern, render]) => [path.match(pattern), render]).find(([m]) => m);
  try {
    const config = await webConfig();
    if (!config.apiKey) {
      show(page, notice('This platform has no web client key configured (TICKETING_GATEWAY_WEB_API_KEY).', 'error'));
      return;
    }
    if (!match) {
      show(page, notice('There is no such page.', 'error'), h('a', { href: '#/' }, 'Go to the start'));
      return;
    }
    const stop = await match[1](page, match[0], params);
    if (!page.isConnected) {
      if (typeof stop === 'function') {
        stop();
      }
      return;
    }
    if (typeof stop === 'function') {
      leave = stop;
    }
    if (performance.getEntriesByName('first-page-rendered').length === 0) {
      // how long the first page took from the navigation: the browser tests report it
      performance.mark('first-page-rendered');
    }
    main.focus({ preventScroll: true });
  } catch (problem) {
    if (!page.isConnected) {
      return;
    }
    if (problem.code?.startsWith('SESSION_')) {
      await signOut();
      location.hash = '#/signin?next=' + encodeURIComponent(location.hash);
      return;
    }
    show(page, notice(problem.message || 'Something went wrong.', 'error'),
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
