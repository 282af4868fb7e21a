// The seat-layout editor: a hall as a grid of cells, each a seat of some type or empty. The API knows rows of seats
// with an aisle after some of them (`aisleAfter`), so empty cells between seats of a row are saved as one aisle
// there, and empty cells before a row's first seat or after its last are not kept. Seats keep their numbers while
// the numbers still run left to right; a row that gained seats is numbered 1, 2, 3 … again.

import { h } from '/shared/dom.js';
import { SEAT_TYPES, paintSeat, rowLabel, seatGrid } from './grid.js';

/** Cell values: 0 is no seat, 1 … 4 the seat types in SEAT_TYPES' order. */
const EMPTY = 0;

export function layoutEditor() {
  let rows = 0;
  let cols = 0;
  let types = new Uint8Array(0);
  let numbers = new Uint16Array(0);
  let labels = [];

  const counts = h('p', { class: 'counts', id: 'layout-counts', 'aria-live': 'polite' });
  const grid = seatGrid({
    id: 'layout-grid',
    label: 'Seat layout: arrow keys move, Space selects, Shift+arrows extend, Escape clears',
    paint(ctx, index, x, y, size) {
      const type = SEAT_TYPES[types[index] - 1];
      if (type) {
        paintSeat(ctx, x, y, size, type.color, { letter: type.letter });
      } else {
        ctx.fillStyle = '#c8c8cc';
        ctx.fillRect(x + size / 2 - 1, y + size / 2 - 1, 2, 2);
      }
    },
    describe(index) {
      const type = SEAT_TYPES[types[index] - 1];
      return type ? type.name + ' seat' : 'no seat (aisle or gap)';
    },
    onSelect: () => showCounts(),
  });

  /** Seats per type, the total and what is selected, updated on every change. */
  function showCounts() {
    const perType = new Array(SEAT_TYPES.length + 1).fill(0);
    for (let i = 0; i < types.length; i++) {
      perType[types[i]]++;
    }
    const total = types.length - perType[EMPTY];
    counts.replaceChildren(
      ...SEAT_TYPES.map((type, i) => h('span', { class: 'count' },
        h('span', { class: 'swatch', style: 'background:' + type.color, 'aria-hidden': 'true' }),
        type.name + ': ' + perType[i + 1].toLocaleString())),
      h('strong', { class: 'count' }, 'Total: ' + total.toLocaleString() + ' seats'),
      h('span', { class: 'count' }, rows + ' rows × ' + cols + ' columns, ' + grid.selectedCount().toLocaleString() + ' cells selected'));
  }

  function resize(rowCount, colCount, keep = true) {
    const nextTypes = new Uint8Array(rowCount * colCount);
    const nextNumbers = new Uint16Array(rowCount * colCount);
    if (keep) {
      for (let r = 0; r < Math.min(rows, rowCount); r++) {
        for (let c = 0; c < Math.min(cols, colCount); c++) {
          nextTypes[r * colCount + c] = types[r * cols + c];
          nextNumbers[r * colCount + c] = numbers[r * cols + c];
        }
      }
    }
    rows = rowCount;
    cols = colCount;
    types = nextTypes;
    numbers = nextNumbers;
    labels = labels.slice(0, rows);
    while (labels.length < rows) {
      labels.push(freeLabel());
    }
    grid.setSize(rows, cols, labels);
  }

  /** The first row label not in use, so that added rows never repeat one. */
  function freeLabel() {
    const used = new Set(labels);
    for (let i = 0; ; i++) {
      if (!used.has(rowLabel(i))) {
        return rowLabel(i);
      }
    }
  }

  /** Shows a hall's layout as the API gives it: one empty cell for each aisle. */
  function load(layout) {
    labels = layout.rows.map((row) => row.row);
    const width = Math.max(1, ...layout.rows.map((row) => row.seats.length + row.seats.filter((s) => s.aisleAfter).length));
    rows = 0;
    cols = 0;
    resize(layout.rows.length, width, false);
    layout.rows.forEach((row, r) => {
      let c = 0;
      row.seats.forEach((seat, i) => {
        types[r * cols + c] = SEAT_TYPES.findIndex((t) => t.type === seat.type) + 1;
        numbers[r * cols + c] = seat.number;
        c += seat.aisleAfter && i < row.seats.length - 1 ? 2 : 1;
      });
    });
    grid.setSize(rows, cols, labels);
  }

  /** A fresh start: `rowCount` rows of `seatCount` regular seats, labelled A, B, C … */
  function generate(rowCount, seatCount) {
    labels = [];
    rows = 0;
    cols = 0;
    resize(rowCount, seatCount, false);
    types.fill(1);
    grid.setSize(rows, cols, labels);
  }

  function each(action) {
    for (const index of grid.selection()) {
      action(index);
    }
    grid.redraw();
    grid.announce();
    showCounts();
  }

  /** Gives the selected cells a seat type; empty ones become new seats. */
  function applyType(typeIndex) {
    each((index) => {
      if (types[index] === EMPTY) {
        numbers[index] = 0;
      }
      types[index] = typeIndex;
    });
  }

  /** Empties the selected cells and leaves the space: between seats of a row it is an aisle. */
  function makeAisle() {
    each((index) => {
      types[index] = EMPTY;
      numbers[index] = 0;
    });
  }

  /** Takes the selected cells out of their rows: the seats to their right move left to close the space. */
  function removeCells() {
    const chosen = new Set(grid.selection());
    for (let r = 0; r < rows; r++) {
      let to = r * cols;
      for (let c = 0; c < cols; c++) {
        const from = r * cols + c;
        if (!chosen.has(from)) {
          types[to] = types[from];
          numbers[to] = numbers[from];
          to++;
        }
      }
      for (; to < (r + 1) * cols; to++) {
        types[to] = EMPTY;
        numbers[to] = 0;
      }
    }
    grid.clearSelection();
    grid.redraw();
  }

  /** A row of regular seats at the back, as wide as the grid. */
  function addRow() {
    resize(rows + 1, Math.max(cols, 1));
    types.fill(1, (rows - 1) * cols, rows * cols);
    grid.redraw();
  }

  /** One more column at the right: a regular seat at the end of every row. */
  function addColumn() {
    resize(Math.max(rows, 1), cols + 1);
    for (let r = 0; r < rows; r++) {
      types[r * cols + cols - 1] = 1;
    }
    grid.redraw();
  }

  /** The layout in the API's form; rows without seats are left out. */
  function toRows() {
    const result = [];
    for (let r = 0; r < rows; r++) {
      const seats = [];
      const kept = [];
      let gap = false;
      for (let c = 0; c < cols; c++) {
        const index = r * cols + c;
        if (types[index] === EMPTY) {
          gap = seats.length > 0;
          continue;
        }
        if (gap) {
          seats[seats.length - 1].aisleAfter = true;
          gap = false;
        }
        seats.push({ number: 0, type: SEAT_TYPES[types[index] - 1].type });
        kept.push(numbers[index]);
      }
      if (!seats.length) {
        continue;
      }
      const ordered = kept.every((number, i) => number > 0 && (i === 0 || number > kept[i - 1]));
      seats.forEach((seat, i) => {
        seat.number = ordered ? kept[i] : i + 1;
      });
      result.push({ row: labels[r], seats });
    }
    return result;
  }

  function seatTypes() {
    const present = new Set(types);
    return SEAT_TYPES.filter((type, i) => present.has(i + 1)).map((type) => type.type);
  }

  return {
    element: h('div', { class: 'layout-editor' }, h('p', { class: 'screen', 'aria-hidden': 'true' }, 'Screen'), grid.element, counts),
    grid, load, generate, applyType, makeAisle, removeCells, addRow, addColumn, toRows, seatTypes,
    seatCount: () => types.reduce((sum, type) => sum + (type === EMPTY ? 0 : 1), 0),
    refresh: showCounts,
  };
}
