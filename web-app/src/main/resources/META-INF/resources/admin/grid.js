// A grid of seats drawn on one <canvas>, sized to the visible part of a scrolling box: an arena of 60,000 seats costs
// the same few DOM nodes as a small hall, and only the cells in view are drawn. Cells are chosen by dragging a
// rectangle (Shift or Ctrl adds to what is chosen) or from the keyboard (arrows move the cursor, Shift+arrows and
// Space choose, Escape clears, Ctrl+A chooses all); a status line under the grid says where the cursor is.

import { h } from '/shared/dom.js';

/** Width of the row labels drawn at the left edge. */
const GUTTER = 40;

/**
 * A grid: `paint(ctx, index, x, y, size)` draws one cell, `describe(index)` says in words what it is,
 * `onSelect()` hears of every change of the selection. Answers its element and the operations on it.
 */
export function seatGrid({ id, label, paint, describe, onSelect = () => {} }) {
  let rows = 0;
  let cols = 0;
  let labels = [];
  let size = 18;
  let selected = new Uint8Array(0);
  let count = 0;
  let cursor = 0;
  let drag = null;
  let frame = 0;

  const status = h('p', { id: id + '-status', class: 'grid-status', 'aria-live': 'polite' });
  const canvas = h('canvas', {
    id, tabindex: 0, role: 'application', 'aria-roledescription': 'seat grid', 'aria-label': label,
    'aria-describedby': id + '-status',
  });
  const space = h('div', { class: 'grid-space' }, canvas);
  const scroller = h('div', { class: 'grid-scroll' }, space);
  const element = h('div', { class: 'grid' }, scroller, status);

  function setSize(rowCount, colCount, rowLabels) {
    rows = rowCount;
    cols = colCount;
    labels = rowLabels;
    selected = new Uint8Array(rows * cols);
    count = 0;
    cursor = Math.min(cursor, Math.max(0, rows * cols - 1));
    layout();
    announce();
    onSelect();
  }

  function setCellSize(px) {
    size = px;
    layout();
  }

  /** Sizes the scrolled space to the whole grid and the canvas to what is visible of it. */
  function layout() {
    space.style.width = GUTTER + cols * size + 'px';
    space.style.height = rows * size + 'px';
    resizeCanvas();
  }

  function resizeCanvas() {
    const width = Math.max(1, Math.min(scroller.clientWidth || 600, GUTTER + cols * size));
    const height = Math.max(1, Math.min(scroller.clientHeight || 400, rows * size));
    const ratio = window.devicePixelRatio || 1;
    canvas.style.width = width + 'px';
    canvas.style.height = height + 'px';
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    redraw();
  }

  function redraw() {
    if (!frame) {
      frame = requestAnimationFrame(() => {
        frame = 0;
        draw();
      });
    }
  }

  function draw() {
    const ctx = canvas.getContext('2d');
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.width / ratio;
    const height = canvas.height / ratio;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const left = scroller.scrollLeft;
    const top = scroller.scrollTop;
    const c0 = Math.max(0, Math.floor(left / size));
    const c1 = Math.min(cols, Math.ceil((left + width - GUTTER) / size) + 1);
    const r0 = Math.max(0, Math.floor(top / size));
    const r1 = Math.min(rows, Math.ceil((top + height) / size) + 1);
    const box = drag && rect(drag.anchor, drag.current);
    for (let r = r0; r < r1; r++) {
      for (let c = c0; c < c1; c++) {
        const index = r * cols + c;
        const x = GUTTER + c * size - left;
        const y = r * size - top;
        paint(ctx, index, x, y, size);
        const inBox = box && r >= box.r0 && r <= box.r1 && c >= box.c0 && c <= box.c1;
        if (selected[index] || inBox) {
          ctx.fillStyle = 'rgba(245, 166, 35, 0.6)';
          ctx.fillRect(x + 1, y + 1, size - 2, size - 2);
          ctx.strokeStyle = '#1d1d1f';
          ctx.lineWidth = 2;
          ctx.strokeRect(x + 2, y + 2, size - 4, size - 4);
        }
      }
    }
    if (rows && cols && document.activeElement === canvas) {
      const x = GUTTER + (cursor % cols) * size - left;
      const y = Math.floor(cursor / cols) * size - top;
      ctx.lineWidth = 3;
      ctx.strokeStyle = '#f5a623';
      ctx.strokeRect(x - 1, y - 1, size + 2, size + 2);
      ctx.lineWidth = 1;
      ctx.strokeStyle = '#1d1d1f';
      ctx.strokeRect(x - 3, y - 3, size + 6, size + 6);
    }
    ctx.fillStyle = '#f4f4f6';
    ctx.fillRect(0, 0, GUTTER - 4, height);
    ctx.fillStyle = '#1d1d1f';
    ctx.font = Math.min(13, Math.max(9, size - 4)) + 'px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    const every = size >= 12 ? 1 : Math.ceil(12 / size);
    for (let r = r0; r < r1; r++) {
      if (r % every === 0) {
        ctx.fillText(labels[r] || '', 4, r * size - top + size / 2);
      }
    }
  }

  function rect(a, b) {
    const ra = Math.floor(a / cols);
    const rb = Math.floor(b / cols);
    return { r0: Math.min(ra, rb), r1: Math.max(ra, rb), c0: Math.min(a % cols, b % cols), c1: Math.max(a % cols, b % cols) };
  }

  /** The cell under a pointer, clamped to the grid; a row label stands for the row's first cell. */
  function cellAt(event) {
    const c = Math.floor((event.offsetX - GUTTER + scroller.scrollLeft) / size);
    const r = Math.floor((event.offsetY + scroller.scrollTop) / size);
    return clamp(r, 0, rows - 1) * cols + clamp(c, 0, cols - 1);
  }

  function set(index, value) {
    if (selected[index] !== value) {
      selected[index] = value;
      count += value ? 1 : -1;
    }
  }

  function changed() {
    announce();
    redraw();
    onSelect();
  }

  function announce() {
    if (!rows || !cols) {
      status.textContent = 'The grid is empty.';
      return;
    }
    const r = Math.floor(cursor / cols);
    status.textContent = 'Cursor: row ' + (labels[r] || r + 1) + ', column ' + (cursor % cols + 1) + ': '
      + describe(cursor) + (selected[cursor] ? ' (selected)' : '') + '. ' + count + ' selected.';
  }

  canvas.addEventListener('pointerdown', (event) => {
    if (!rows || !cols || event.button !== 0) {
      return;
    }
    canvas.focus();
    cursor = cellAt(event);
    if (event.pointerType === 'touch') {
      drag = { touch: true, anchor: cursor };
      return;
    }
    if (event.offsetX < GUTTER) {
      // a row label chooses the whole row
      if (!(event.shiftKey || event.ctrlKey || event.metaKey)) {
        selected.fill(0);
        count = 0;
      }
      const r = Math.floor(cursor / cols);
      for (let c = 0; c < cols; c++) {
        set(r * cols + c, 1);
      }
      changed();
      return;
    }
    canvas.setPointerCapture(event.pointerId);
    drag = { anchor: cursor, current: cursor, add: event.shiftKey || event.ctrlKey || event.metaKey };
    redraw();
  });

  canvas.addEventListener('pointermove', (event) => {
    if (!drag || drag.touch) {
      return;
    }
    const width = parseFloat(canvas.style.width);
    const height = parseFloat(canvas.style.height);
    // near an edge the box scrolls on, so that a drag can reach beyond the visible part
    if (event.offsetX > width - 16) scroller.scrollLeft += size;
    if (event.offsetX < GUTTER + 8) scroller.scrollLeft -= size;
    if (event.offsetY > height - 16) scroller.scrollTop += size;
    if (event.offsetY < 8) scroller.scrollTop -= size;
    const cell = cellAt(event);
    if (cell !== drag.current) {
      drag.current = cell;
      redraw();
    }
  });

  canvas.addEventListener('pointerup', (event) => {
    if (!drag) {
      return;
    }
    const { anchor, add, touch } = drag;
    const current = touch ? anchor : drag.current;
    drag = null;
    if (touch || (add && anchor === current)) {
      set(anchor, selected[anchor] ? 0 : 1);
    } else {
      if (!add) {
        selected.fill(0);
        count = 0;
      }
      const box = rect(anchor, current);
      for (let r = box.r0; r <= box.r1; r++) {
        for (let c = box.c0; c <= box.c1; c++) {
          set(r * cols + c, 1);
        }
      }
    }
    cursor = current;
    changed();
    event.preventDefault();
  });

  canvas.addEventListener('pointercancel', () => {
    drag = null;
    redraw();
  });

  canvas.addEventListener('keydown', (event) => {
    if (!rows || !cols) {
      return;
    }
    let r = Math.floor(cursor / cols);
    let c = cursor % cols;
    const moves = {
      ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], PageUp: [-10, 0], PageDown: [10, 0],
    };
    if (moves[event.key]) {
      if (event.shiftKey) {
        set(cursor, 1);
      }
      r = clamp(r + moves[event.key][0], 0, rows - 1);
      c = clamp(c + moves[event.key][1], 0, cols - 1);
    } else if (event.key === 'Home' || event.key === 'End') {
      c = event.key === 'Home' ? 0 : cols - 1;
    } else if (event.key === ' ' || event.key === 'Enter') {
      set(cursor, selected[cursor] ? 0 : 1);
    } else if (event.key === 'Escape') {
      selected.fill(0);
      count = 0;
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') {
      selected.fill(1);
      count = selected.length;
    } else {
      return;
    }
    event.preventDefault();
    cursor = r * cols + c;
    if (event.shiftKey && moves[event.key]) {
      set(cursor, 1);
    }
    scrollTo(r, c);
    changed();
  });

  canvas.addEventListener('focus', () => {
    announce();
    redraw();
  });
  canvas.addEventListener('blur', redraw);
  scroller.addEventListener('scroll', redraw, { passive: true });
  new ResizeObserver(resizeCanvas).observe(scroller);

  /** Scrolls so that the cell is in view. */
  function scrollTo(r, c) {
    const width = parseFloat(canvas.style.width) - GUTTER;
    const height = parseFloat(canvas.style.height);
    const x = c * size;
    const y = r * size;
    if (x < scroller.scrollLeft) scroller.scrollLeft = x;
    if (x + size > scroller.scrollLeft + width) scroller.scrollLeft = x + size - width;
    if (y < scroller.scrollTop) scroller.scrollTop = y;
    if (y + size > scroller.scrollTop + height) scroller.scrollTop = y + size - height;
  }

  return {
    element,
    canvas,
    setSize,
    setCellSize,
    redraw,
    /** Indices (row * columns + column) of the chosen cells. */
    selection() {
      const chosen = [];
      for (let i = 0; i < selected.length; i++) {
        if (selected[i]) chosen.push(i);
      }
      return chosen;
    },
    selectedCount: () => count,
    /** Says again what is under the cursor, after the cells changed. */
    announce,
    clearSelection() {
      selected.fill(0);
      count = 0;
      changed();
    },
    selectAll() {
      selected.fill(1);
      count = selected.length;
      changed();
    },
  };
}

function clamp(value, min, max) {
  return Math.max(min, Math.min(max, value));
}

/** Row labels as on tickets: A … Z, AA … ZZ, AAA …: the API allows 1 to 3 capital letters. */
export function rowLabel(index) {
  let label = '';
  let n = index + 1;
  while (n > 0) {
    const rest = (n - 1) % 26;
    label = String.fromCharCode(65 + rest) + label;
    n = Math.floor((n - 1) / 26);
  }
  return label;
}

/** Colours of seat types (each at least 3:1 against white) and the letter drawn in cells big enough for it. */
export const SEAT_TYPES = [
  { type: 'REGULAR', name: 'Regular', color: '#2f6db5', letter: 'R' },
  { type: 'PREMIUM', name: 'Premium', color: '#7b3fbf', letter: 'P' },
  { type: 'VIP', name: 'VIP', color: '#a35a00', letter: 'V' },
  { type: 'ACCESSIBLE', name: 'Accessible', color: '#1a7f37', letter: 'A' },
];

/** Draws a seat: a rounded square in `color`, filled or outlined, with `letter` when there is room. */
export function paintSeat(ctx, x, y, size, color, { filled = true, letter, cross = false } = {}) {
  const inset = size >= 10 ? 2 : 1;
  ctx.fillStyle = filled ? color : '#ffffff';
  ctx.strokeStyle = color;
  ctx.lineWidth = filled ? 1 : 2;
  ctx.beginPath();
  ctx.roundRect(x + inset, y + inset, size - 2 * inset, size - 2 * inset, Math.min(4, size / 5));
  ctx.fill();
  ctx.stroke();
  if (cross) {
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(x + size * 0.3, y + size * 0.3);
    ctx.lineTo(x + size * 0.7, y + size * 0.7);
    ctx.moveTo(x + size * 0.7, y + size * 0.3);
    ctx.lineTo(x + size * 0.3, y + size * 0.7);
    ctx.stroke();
  } else if (letter && size >= 16) {
    ctx.fillStyle = filled ? '#ffffff' : color;
    ctx.font = '600 ' + Math.round(size * 0.55) + 'px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(letter, x + size / 2, y + size / 2 + 1);
    ctx.textAlign = 'start';
  }
}
