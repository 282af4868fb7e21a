// The search index: its state, and a rebuild from PostgreSQL that runs in the background (searches keep working
// on the old index until the new one is complete), followed here until it ends.

import { h, localTime, notice, show } from '/shared/dom.js';
import { api, isKeyRefused } from './session.js';
import { failed, loading, page, table } from './page.js';

export async function searchIndexPage(main) {
  loading(main);
  let state;
  try {
    state = await api('GET', '/api/v1/admin/search-index');
  } catch (problem) {
    failed(main, problem);
    return undefined;
  }
  const body = h('div', { 'aria-live': 'polite' });
  const area = h('div', { class: 'form-notice' });
  const rebuild = h('button', { type: 'button', class: 'primary' }, 'Rebuild index');
  let timer = null;

  const render = () => {
    show(body, table('Search index', ['', ''], [
      ['Alias', state.alias], ['Index', state.index || 'none'], ['Documents (shows)', Number(state.documents).toLocaleString()],
      ['Rebuild', state.rebuilding
        ? 'in progress since ' + localTime(state.rebuilding.startedAt) + ' (into ' + state.rebuilding.index + ')'
        : 'none running']]));
    rebuild.disabled = Boolean(state.rebuilding);
  };
  /** Reads the state again every 2 s while a rebuild runs. */
  const follow = () => {
    clearTimeout(timer);
    if (!state.rebuilding) {
      return;
    }
    timer = setTimeout(async () => {
      try {
        const wasRebuilding = state.rebuilding;
        state = await api('GET', '/api/v1/admin/search-index');
        render();
        if (wasRebuilding && !state.rebuilding) {
          show(area, notice('The rebuild is complete: ' + Number(state.documents).toLocaleString() + ' shows indexed.', 'ok'));
        }
        follow();
      } catch (problem) {
        if (!isKeyRefused(problem)) {
          show(area, notice(problem.message, 'error'));
        }
      }
    }, 2000);
  };
  rebuild.addEventListener('click', async () => {
    rebuild.disabled = true;
    try {
      state = await api('POST', '/api/v1/admin/search-index/rebuild');
      show(area, notice('Rebuilding from the catalog; searches keep working meanwhile.', 'ok'));
      render();
      follow();
    } catch (problem) {
      rebuild.disabled = false;
      if (!isKeyRefused(problem)) {
        show(area, notice(problem.message, 'error'));
      }
    }
  });
  page(main, 'Search index', [], h('p', { class: 'muted' },
    'Shows are found through this index, fed by catalog events. Rebuild it after a mapping change, or when search '
    + 'results look wrong: it is read again from PostgreSQL.'), body, h('p', {}, rebuild), area);
  render();
  follow();
  return () => clearTimeout(timer);
}
