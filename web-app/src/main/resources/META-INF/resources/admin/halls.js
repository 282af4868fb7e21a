// A hall's page: its name and seat layout, edited on a grid, saved with POST (new hall) or PUT (existing hall).

import { h, notice, show } from '/shared/dom.js';
import { api } from './session.js';
import { clearErrors, confirmIn, field, showProblem } from './forms.js';
import { SEAT_TYPES } from './grid.js';
import { layoutEditor } from './layout-editor.js';
import { carry, failed, loading, page, takeCarried } from './page.js';

/** Most rows and seats per row the API takes (60,000 seats in all). */
const MAX_ROWS = 500;
const MAX_SEATS_PER_ROW = 1000;

export async function hallPage(main, { hallId, cinemaId }) {
  loading(main);
  let hall = null;
  let cinema;
  let city;
  try {
    if (hallId) {
      hall = await api('GET', '/api/v1/admin/halls/' + hallId);
      cinemaId = hall.cinemaId;
    }
    cinema = await api('GET', '/api/v1/admin/cinemas/' + cinemaId);
    city = await api('GET', '/api/v1/admin/cities/' + cinema.cityId);
  } catch (problem) {
    failed(main, problem);
    return;
  }

  const editor = layoutEditor();
  const name = field('name', 'Hall name', { value: hall ? hall.name : '', id: 'hall-name', autocomplete: 'off' });
  const area = h('div', { class: 'form-notice' });
  const toolNotice = h('div', { class: 'form-notice' });

  const rowsInput = field('rows', 'Rows', { type: 'number', id: 'generate-rows', min: 1, max: MAX_ROWS, value: 10 });
  const seatsInput = field('seats', 'Seats per row', { type: 'number', id: 'generate-seats', min: 1, max: MAX_SEATS_PER_ROW, value: 16 });
  const generateForm = h('form', { class: 'row generate', novalidate: true, 'aria-label': 'Generate a layout' },
    rowsInput.element, seatsInput.element, h('button', { type: 'submit' }, 'Generate'));
  generateForm.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors([rowsInput, seatsInput]);
    const rowCount = Number(rowsInput.input.value);
    const seatCount = Number(seatsInput.input.value);
    const problems = [];
    if (!Number.isInteger(rowCount) || rowCount < 1 || rowCount > MAX_ROWS) {
      problems.push([rowsInput, 'Between 1 and ' + MAX_ROWS + ' rows.']);
    }
    if (!Number.isInteger(seatCount) || seatCount < 1 || seatCount > MAX_SEATS_PER_ROW) {
      problems.push([seatsInput, 'Between 1 and ' + MAX_SEATS_PER_ROW + ' seats per row.']);
    }
    if (!problems.length && rowCount * seatCount > 60000) {
      problems.push([seatsInput, 'A hall has at most 60,000 seats; ' + rowCount + ' × ' + seatCount + ' is '
        + (rowCount * seatCount).toLocaleString() + '.']);
    }
    if (problems.length) {
      showProblem({ message: 'The layout cannot be generated.', errors: problems.map(([item, message]) => ({ field: item.name, message })) },
        [rowsInput, seatsInput], toolNotice);
      return;
    }
    editor.generate(rowCount, seatCount);
    show(toolNotice, notice('Generated ' + rowCount + ' rows of ' + seatCount + ' regular seats. Select cells to change them.', 'ok'));
  });

  const typeSelect = field('seatType', 'Seat type', { id: 'seat-type',
    options: SEAT_TYPES.map((type, i) => ({ value: i + 1, label: type.name })) });
  const cellSize = field('cellSize', 'Cell size', { id: 'cell-size', value: 18,
    options: [{ value: 8, label: 'Small' }, { value: 18, label: 'Medium' }, { value: 28, label: 'Large' }] });
  cellSize.input.addEventListener('change', () => editor.grid.setCellSize(Number(cellSize.input.value)));

  const needsSelection = (action) => () => {
    if (!editor.grid.selectedCount()) {
      show(toolNotice, notice('Select cells first: drag over the grid, or use the arrow keys and Space.', 'warn'));
      return;
    }
    show(toolNotice);
    action();
  };
  const tools = h('div', { class: 'tools', role: 'toolbar', 'aria-label': 'Layout tools', 'aria-controls': 'layout-grid' },
    h('div', { class: 'row' },
      typeSelect.element,
      h('button', { type: 'button', onclick: needsSelection(() => editor.applyType(Number(typeSelect.input.value))) }, 'Apply type'),
      h('button', { type: 'button', onclick: needsSelection(editor.makeAisle) }, 'Make aisle'),
      h('button', { type: 'button', onclick: needsSelection(editor.removeCells) }, 'Remove seats'),
      h('button', { type: 'button', onclick: () => editor.grid.selectAll() }, 'Select all'),
      h('button', { type: 'button', onclick: () => editor.grid.clearSelection() }, 'Clear selection')),
    h('div', { class: 'row' },
      h('button', { type: 'button', onclick: editor.addRow }, 'Add row'),
      h('button', { type: 'button', onclick: editor.addColumn }, 'Add column'),
      cellSize.element));

  const save = h('button', { type: 'button', class: 'primary' }, 'Save hall');
  save.addEventListener('click', async () => {
    clearErrors([name]);
    show(area);
    const rows = editor.toRows();
    if (!rows.length) {
      show(area, notice('The hall has no seats yet: generate a layout or add rows first.', 'error'));
      return;
    }
    save.disabled = true;
    show(area, h('p', { class: 'muted', role: 'status' }, 'Saving ' + editor.seatCount().toLocaleString() + ' seats…'));
    try {
      const body = { name: name.input.value, rows };
      if (hall) {
        hall = await api('PUT', '/api/v1/admin/halls/' + hall.id, { body, version: hall.version });
        heading.textContent = hall.name;
        editor.load(hall.layout);
        show(area, notice('Hall saved.', 'ok'));
      } else {
        const created = await api('POST', '/api/v1/admin/cinemas/' + cinemaId + '/halls', { body });
        carry('Hall "' + created.name + '" created.');
        location.hash = '#/halls/' + created.id;
      }
    } catch (problem) {
      // "rows[3].seats" is about the fourth row sent: name it by its label
      showProblem(problem, [name], area, {
        words: (path) => path.replace(/^rows\[(\d+)\]/, (all, i) => 'Row ' + (rows[i] ? rows[i].row : Number(i) + 1)),
      });
    } finally {
      save.disabled = false;
    }
  });

  const danger = h('div', { class: 'danger-zone' });
  const remove = hall && h('button', { type: 'button', class: 'danger', onclick: () => confirmIn(danger,
    'Delete ' + hall.name + '? A hall that has had shows is kept for their records.', 'Delete hall', async () => {
      await api('DELETE', '/api/v1/admin/halls/' + hall.id, { version: hall.version });
      carry('Hall "' + hall.name + '" deleted.');
      location.hash = '#/cinemas/' + cinemaId;
    }) }, 'Delete hall…');

  const heading = page(main, hall ? hall.name : 'New hall', [['Cities', '#/cities'], [city.name, '#/cities/' + city.id],
    [cinema.name, '#/cinemas/' + cinema.id]],
  takeCarried(),
  hall ? h('p', {}, h('a', { href: '#/shows/' + hall.id }, 'Shows in this hall')) : null,
  name.element,
  h('h2', {}, 'Seat layout'),
  h('p', { class: 'muted' }, 'Drag over the grid to select a rectangle of cells (Shift or Ctrl adds to the selection; '
    + 'a row label selects its row), or focus the grid and use the arrow keys, Space to select, Shift+arrows to extend. '
    + '"Make aisle" leaves a gap between seats; "Remove seats" closes the gap. Seats are numbered from the left; '
    + 'empty cells before a row\'s first seat are not kept.'),
  h('details', { open: !hall }, h('summary', {}, 'Quick start: rows × seats'), generateForm),
  tools, toolNotice, editor.element,
  h('div', { class: 'row actions' }, save, remove), area, danger);

  if (hall) {
    editor.load(hall.layout);
  } else {
    editor.refresh();
  }
}
