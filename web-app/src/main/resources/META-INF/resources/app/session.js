// The signed-in customer: the session token from POST /api/v1/sessions, kept in this browser until it expires or the
// customer signs out. Holds and shows seen are remembered per tab (sessionStorage) to show them again after a reload.

import { call } from '/shared/api.js';

const SESSION = 'ticketing.session';

/** {token, expiresAt, customerId, email}, or null when nobody is signed in (or the session has expired). */
export function currentSession() {
  try {
    const session = JSON.parse(localStorage.getItem(SESSION));
    if (session && Date.parse(session.expiresAt) > Date.now()) {
      return session;
    }
  } catch {
    // nothing stored, or something unreadable: signed out
  }
  localStorage.removeItem(SESSION);
  return null;
}

export function token() {
  return currentSession()?.token;
}

export function remember(session) {
  localStorage.setItem(SESSION, JSON.stringify(session));
  window.dispatchEvent(new Event('session-changed'));
}

/** Signs out here and on the platform (every device's copy of this session stops working). */
export async function signOut() {
  const session = currentSession();
  localStorage.removeItem(SESSION);
  window.dispatchEvent(new Event('session-changed'));
  if (session) {
    try {
      await call('DELETE', '/api/v1/sessions/current', { token: session.token });
    } catch {
      // already ended or expired: signed out either way
    }
  }
}

/** Something remembered for this tab, e.g. the show a customer came from, by key. */
export function recall(key) {
  try {
    return JSON.parse(sessionStorage.getItem('ticketing.' + key));
  } catch {
    return null;
  }
}

export function note(key, value) {
  sessionStorage.setItem('ticketing.' + key, JSON.stringify(value));
}
