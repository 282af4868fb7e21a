// Forms of the console: every input with its <label for>, an error line linked to it (aria-describedby) that the
// API's field errors fill, and a notice area for problems that belong to no field.

import { h, notice, show } from '/shared/dom.js';
import { isKeyRefused } from './session.js';

let serial = 0;

/**
 * A labelled field: `options` ([{value, label}]) makes a select, `type: 'textarea'` a text area. Answers
 * {name, input, error, element}.
 */
export function field(name, label, { type = 'text', value, options, hint, id, ...attributes } = {}) {
  const inputId = id || 'field-' + name.replace(/\W/g, '-') + '-' + ++serial;
  const described = [];
  let hintElement = null;
  if (hint) {
    hintElement = h('p', { class: 'hint muted', id: inputId + '-hint' }, hint);
    described.push(hintElement.id);
  }
  let input;
  if (options) {
    input = h('select', { id: inputId, name, ...attributes },
      options.map((option) => h('option', { value: option.value, selected: String(option.value) === String(value) }, option.label)));
  } else if (type === 'textarea') {
    input = h('textarea', { id: inputId, name, rows: 4, ...attributes });
    input.value = value ?? '';
  } else {
    input = h('input', { id: inputId, name, type, ...attributes });
    input.value = value ?? '';
  }
  if (described.length) {
    input.setAttribute('aria-describedby', described.join(' '));
  }
  const error = h('p', { class: 'field-error', id: inputId + '-error', hidden: true });
  const element = h('div', { class: 'field' }, h('label', { for: inputId }, label), input, hintElement, error);
  return { name, input, error, element, hint: hintElement };
}

export function setError(item, message) {
  item.error.textContent = message;
  item.error.hidden = false;
  item.input.setAttribute('aria-invalid', 'true');
  item.input.setAttribute('aria-describedby', [item.hint && item.hint.id, item.error.id].filter(Boolean).join(' '));
}

export function clearErrors(items) {
  for (const item of items) {
    item.error.textContent = '';
    item.error.hidden = true;
    item.input.removeAttribute('aria-invalid');
    if (item.hint) {
      item.input.setAttribute('aria-describedby', item.hint.id);
    } else {
      item.input.removeAttribute('aria-describedby');
    }
  }
}

/**
 * Shows a problem the API answered: field errors of a 400 VALIDATION_FAILED beside their fields (the first one
 * focused), everything else in words in `area`. `fieldName` maps an API field path to a field's name.
 */
export function showProblem(problem, items, area, { fieldName = (path) => path.split(/[.[]/)[0], words = (path) => path } = {}) {
  clearErrors(items);
  if (isKeyRefused(problem)) {
    return;
  }
  const loose = [];
  let first = null;
  for (const error of problem.errors || []) {
    const item = typeof error === 'object' && items.find((candidate) => candidate.name === fieldName(error.field));
    if (item) {
      setError(item, item.error.hidden ? error.message : item.error.textContent + '; ' + error.message);
      first = first || item;
    } else {
      loose.push(typeof error === 'object' ? words(error.field) + ': ' + error.message : String(error));
    }
  }
  show(area, notice(problem.message + (loose.length ? ' ' + loose.join('; ') + '.' : ''), 'error'));
  if (first) {
    first.input.focus();
  }
}

/**
 * A form that sends itself: `submit(values)` runs on submit with the inputs' values by name, its problems shown
 * with {@link showProblem}; answers {form, items, area}. The browser's own checks are off (novalidate), so that
 * every rule is explained the same way, by the API.
 */
export function sendingForm({ items, submitLabel, submit, extra = [], label, fieldName, words, className = 'form' }) {
  const area = h('div', { class: 'form-notice' });
  const button = h('button', { type: 'submit', class: 'primary' }, submitLabel);
  const form = h('form', { novalidate: true, class: className, 'aria-label': label },
    items.map((item) => item.element), h('div', { class: 'row actions' }, button, extra), area);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(items);
    show(area);
    button.disabled = true;
    try {
      const values = Object.fromEntries(items.map((item) => [item.name, item.input.value]));
      const result = await submit(values);
      if (typeof result === 'string') {
        show(area, notice(result, 'ok'));
      }
    } catch (problem) {
      if (problem && problem.status !== undefined) {
        showProblem(problem, items, area, { fieldName, words });
      } else {
        show(area, notice(String(problem && problem.message ? problem.message : problem), 'error'));
      }
    } finally {
      button.disabled = false;
    }
  });
  return { form, items, area, button };
}

/** A number from an input, or null when it is empty (the API then names the field). */
export function numberOrNull(text) {
  const trimmed = String(text ?? '').trim();
  return trimmed === '' ? null : Number(trimmed);
}

export function textOrNull(text) {
  const trimmed = String(text ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * Asks before something that cannot be undone: shows `question` with a confirming and a keeping button in
 * `area`, and runs `action` on confirmation; its problem, if any, is shown in the same place.
 */
export function confirmIn(area, question, confirmLabel, action, keepLabel = 'Keep it') {
  const yes = h('button', { type: 'button', class: 'danger' }, confirmLabel);
  const no = h('button', { type: 'button' }, keepLabel);
  no.addEventListener('click', () => show(area));
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    try {
      await action();
    } catch (problem) {
      if (!isKeyRefused(problem)) {
        show(area, notice(problem.message || String(problem), 'error'));
      }
    }
  });
  show(area, h('div', { class: 'notice warn confirm', role: 'alertdialog', 'aria-label': confirmLabel },
    h('p', {}, question), h('div', { class: 'row' }, yes, no)));
  no.focus();
}
