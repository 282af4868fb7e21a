// Small helpers to build the DOM without a framework: text is always set as text, never parsed as HTML.

/** An element: h('button', {class: 'primary', onclick: fn, 'aria-label': 'Hold'}, 'Hold', child, ...). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name === 'value' || name === 'checked' || name === 'selected') {
      element[name] = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces what `element` shows. */
export function show(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** An amount in its currency, in the reader's language: 12.5 EUR -> "€12.50". */
export function money(amount, currency) {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(Number(amount));
  } catch {
    return Number(amount).toFixed(2) + ' ' + currency;
  }
}

/** A time in a place's time zone (the city's, not the browser's): "Fri 4 Dec, 19:30". */
export function localTime(instant, timeZone, options = { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }) {
  try {
    return new Intl.DateTimeFormat(undefined, { ...options, timeZone }).format(new Date(instant));
  } catch {
    return new Date(instant).toLocaleString();
  }
}

/** The local date (YYYY-MM-DD) in a time zone, `days` from today. */
export function isoDate(timeZone, days = 0) {
  const date = new Date(Date.now() + days * 86400000);
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
  const part = (type) => parts.find((p) => p.type === type).value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Seconds as m:ss. */
export function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
}

/** A message for everyone, screen readers included (role=alert when it is a problem). */
export function notice(text, kind = 'info') {
  return h('p', { class: 'notice ' + kind, role: kind === 'error' ? 'alert' : 'status' }, text);
}
