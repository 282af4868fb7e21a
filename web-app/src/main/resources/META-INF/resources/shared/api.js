// The public REST API as the web app calls it: the app's API key on every call, the customer's session where there is
// one, problem+json answers turned into ApiProblem with plain words for people.

let settings;

/** The gateway's settings for browsers (/web-config): the client API key, Stripe's publishable key. */
export async function webConfig() {
  if (!settings) {
    const response = await fetch('/web-config', { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new ApiProblem(response.status, 'WEB_CONFIG_UNAVAILABLE', 'The platform did not answer; try again in a moment.');
    }
    settings = await response.json();
  }
  return settings;
}

/** A problem the API answered (RFC 9457), or a network failure, in words a customer or an admin can act on. */
export class ApiProblem extends Error {
  constructor(status, code, detail, extra = {}) {
    super(plainWords(code, detail, status));
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.extra = extra;
    /** Field errors of a 400 VALIDATION_FAILED: [{field, message}] or [message]. */
    this.errors = extra.errors || [];
  }
}

const WORDS = {
  API_KEY_MISSING: 'This app is not set up to reach the platform (no API key).',
  API_KEY_INVALID: 'The key is not valid.',
  ADMIN_KEY_REQUIRED: 'This needs an admin key.',
  SESSION_REQUIRED: 'Please sign in first.',
  SESSION_INVALID: 'Your sign-in is no longer valid. Please sign in again.',
  SESSION_EXPIRED: 'Your sign-in has expired. Please sign in again.',
  SESSION_ENDED: 'You were signed out. Please sign in again.',
  CODE_INCORRECT: 'That code is not right. Check the e-mail and try again.',
  CHALLENGE_NOT_FOUND: 'That code has expired or was used up. Ask for a new one.',
  SIGN_IN_RATE_LIMITED: 'Too many codes were asked for. Wait a few minutes and try again.',
  RATE_LIMITED: 'Too many requests at once. Wait a moment and try again.',
  SHOW_FULL: 'This show is sold out.',
  SEATS_HELD: 'Someone else is holding some of these seats right now.',
  SEATS_UNAVAILABLE: 'Some of these seats were just sold. Pick others.',
  SEATS_TAKEN: 'Some of these seats were just taken. Pick others.',
  TOO_MANY_SEATS: 'That is more seats than one customer may hold.',
  INVALID_SEATS: 'Some of the chosen seats do not exist in this hall.',
  SHOW_NOT_FOUND: 'This show does not exist (any more).',
  SHOW_CANCELLED: 'This show was cancelled.',
  SHOW_STARTED: 'This show has already started.',
  SALES_CLOSED: 'Tickets for this show are not on sale now.',
  HOLD_NOT_FOUND: 'This hold does not exist (any more).',
  HOLD_NOT_ACTIVE: 'Your seats are no longer held for you: the time ran out or they were released.',
  HOLD_IN_PROGRESS: 'Your seats are still being held; try again in a moment.',
  PAYMENT_IN_PROGRESS: 'A payment for these seats is already under way.',
  ALREADY_PAID: 'These seats are already paid for.',
  PAYMENT_NOT_OPEN: 'This payment can no longer be completed.',
  PAYMENT_PROVIDER_UNAVAILABLE: 'The payment provider cannot be reached right now. Your seats stay held; try again in a moment.',
  BOOKING_NOT_FOUND: 'This booking does not exist, or its tickets are still being issued.',
  BOOKING_CANCELLED: 'This booking was cancelled.',
  ALREADY_WAITING: 'You are already in the waiting line for this show.',
  SEATS_AVAILABLE: 'Enough seats are free right now: pick them on the seat map instead of waiting.',
  ADMISSION_REQUIRED: 'This show sells through a waiting room: wait for your turn first.',
  ADMISSION_UNAVAILABLE: 'The waiting room cannot be checked right now. Try again in a moment.',
  ROOM_CLOSED: 'The waiting room has closed: pick your seats directly.',
  QUEUE_TICKET_NOT_FOUND: 'This place in the waiting room does not exist (any more).',
  WAITLIST_ENTRY_NOT_FOUND: 'This place in line does not exist (any more).',
  INVALID_SEAT_COUNT: 'Choose how many seats you are waiting for.',
  TOO_MANY_STREAMS: 'Too many live views are open; close a tab and try again.',
  SEAT_MAP_RECOVERING: 'The seat map is being rebuilt; it is back in a few seconds.',
  SEARCH_UNAVAILABLE: 'Search is not available right now; browse by city instead.',
  VALIDATION_FAILED: 'Some fields are not valid.',
  MALFORMED_REQUEST: 'The request could not be read.',
  SERVICE_UNAVAILABLE: 'Part of the platform is not answering right now. Try again in a moment.',
  SERVICE_TIMEOUT: 'The platform took too long to answer. Try again in a moment.',
  NETWORK: 'The platform cannot be reached. Check your connection and try again.',
};

/** What a problem means for the person in front of the screen; the API's own detail where there are no better words. */
export function plainWords(code, detail, status) {
  if (WORDS[code]) {
    return WORDS[code];
  }
  if (detail) {
    return detail;
  }
  return status >= 500 ? WORDS.SERVICE_UNAVAILABLE : 'Something went wrong (' + status + ').';
}

/**
 * Calls the API: `key` is the API key (the app's by default), `token` the customer's session token if any,
 * `extraHeaders` more headers (a waiting room's admission token). Answers the parsed JSON body (null for 204), or
 * throws ApiProblem.
 */
export async function call(method, path, { body, key, token, idempotencyKey, signal, accept, version, extraHeaders } = {}) {
  const headers = { 'X-API-Key': key || (await webConfig()).apiKey || '', Accept: accept || 'application/json',
    ...extraHeaders };
  if (version !== undefined) {
    // the version of the resource this change was made on: the API refuses it (412) if someone changed it since
    headers['If-Match'] = '"' + version + '"';
  }
  if (token) {
    headers.Authorization = 'Bearer ' + token;
  }
  if (idempotencyKey) {
    headers['Idempotency-Key'] = idempotencyKey;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, { method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (error) {
    if (error.name === 'AbortError') {
      throw error;
    }
    throw new ApiProblem(0, 'NETWORK', error.message);
  }
  if (response.ok) {
    if (response.status === 204) {
      return null;
    }
    const type = response.headers.get('Content-Type') || '';
    return type.includes('json') ? response.json() : response.blob();
  }
  throw await problemOf(response);
}

/** The problem a failed response carries, or one made from its status when it is not problem+json. */
export async function problemOf(response) {
  let problem = {};
  try {
    problem = await response.json();
  } catch {
    // not JSON: a proxy's page, say
  }
  const { code, detail, ...extra } = problem;
  return new ApiProblem(response.status, code || 'HTTP_' + response.status, detail, extra);
}

/** A fresh key for one user action, sent as Idempotency-Key so that a double click or a retry does it once. */
export function newIdempotencyKey() {
  return crypto.randomUUID();
}
