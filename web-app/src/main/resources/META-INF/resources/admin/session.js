// The admin key, kept for this browser tab's session only (sessionStorage: gone when the tab closes), and the API
// called with it. A key the gateway refuses is forgotten at once, and the console asks for it again.

import { ApiProblem, call } from '/shared/api.js';

const STORAGE = 'ticketing.admin.key';
const REFUSED = new Set(['API_KEY_MISSING', 'API_KEY_INVALID', 'ADMIN_KEY_REQUIRED']);

let onRefused = () => {};

export function adminKey() {
  return sessionStorage.getItem(STORAGE);
}

export function rememberKey(key) {
  sessionStorage.setItem(STORAGE, key);
}

export function forgetKey() {
  sessionStorage.removeItem(STORAGE);
}

/** Whom to tell when the gateway refuses the key in the middle of work: the console shows the key form again. */
export function whenKeyRefused(callback) {
  onRefused = callback;
}

/** Whether a problem means "this key may not do that", rather than something about the request. */
export function isKeyRefused(problem) {
  return problem instanceof ApiProblem && REFUSED.has(problem.code);
}

/** Calls the API with the admin key; a refused key is forgotten and reported before the problem is thrown on. */
export async function api(method, path, options = {}) {
  const key = adminKey();
  if (!key) {
    const problem = new ApiProblem(401, 'API_KEY_MISSING', 'No admin key');
    onRefused(problem);
    throw problem;
  }
  try {
    return await call(method, path, { ...options, key });
  } catch (problem) {
    if (isKeyRefused(problem)) {
      forgetKey();
      onRefused(problem);
    }
    throw problem;
  }
}

/**
 * Checks a key before keeping it: any admin path answers 401/403 for a bad key before it reaches a service, so an
 * unknown city (404) means the key is good, and needs nothing of the catalog but that it answers.
 */
export async function checkKey(key) {
  try {
    await call('GET', '/api/v1/admin/cities/00000000-0000-0000-0000-000000000000', { key });
  } catch (problem) {
    if (isKeyRefused(problem) || problem.status === 0 || problem.status >= 500) {
      throw problem;
    }
  }
}
