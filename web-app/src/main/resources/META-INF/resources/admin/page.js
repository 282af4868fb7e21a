// What every page of the console has: a trail back up (Cities › Amsterdam › …), a heading that takes the focus
// when the page changes (screen readers announce it), and problems loading the page shown in words.

import { h, notice, show } from '/shared/dom.js';
import { isKeyRefused } from './session.js';

/** Fills `main` with a page: the trail, its heading and the given children; answers the heading. */
export function page(main, title, trail, ...children) {
  document.title = title + ' – Ticketing admin';
  const heading = h('h1', { tabindex: -1 }, title);
  const crumbs = trail.length
    ? h('nav', { 'aria-label': 'Breadcrumb', class: 'crumbs' },
      h('ol', {}, trail.map(([text, href]) => h('li', {}, h('a', { href }, text)))))
    : null;
  show(main, crumbs, heading, ...children);
  heading.focus({ preventScroll: true });
  return heading;
}

/** A page that could not be loaded: the problem in words (a refused key is handled by the key form). */
export function failed(main, problem) {
  if (isKeyRefused(problem)) {
    return;
  }
  show(main, h('h1', { tabindex: -1 }, 'Not available'), notice(problem.message || String(problem), 'error'),
    h('p', {}, h('a', { href: '#/cities' }, 'Back to the cities')));
}

export function loading(main) {
  show(main, h('p', { class: 'muted', role: 'status' }, 'Loading…'));
}

/** A table with a header row; `rows` are arrays of cells (text or elements). */
export function table(caption, headers, rows) {
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, headers.map((text) => h('th', { scope: 'col' }, text)))),
    h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, cell)))))));
}

/** A notice carried over to the next page after a redirect ("Hall created."), shown there once. */
let carried = null;

export function carry(text) {
  carried = notice(text, 'ok');
}

export function takeCarried() {
  const taken = carried;
  carried = null;
  return taken;
}
