// Server-Sent Events read with fetch, because EventSource cannot send the API key and session headers. Reconnects
// after a break with Last-Event-ID, backing off up to 10 s, until closed.

import { ApiProblem, problemOf, webConfig } from './api.js';

/**
 * Follows the stream at `path`, calling `onEvent(name, data, id)` for each event (data parsed as JSON when it is),
 * `onState('open'|'retrying'|'closed', problem?)` as the connection changes. Answers a function that closes it.
 */
export function follow(path, { token, onEvent, onState = () => {} }) {
  const controller = new AbortController();
  let lastEventId = null;
  let delay = 500;

  async function connect() {
    while (!controller.signal.aborted) {
      try {
        const headers = { 'X-API-Key': (await webConfig()).apiKey || '', Accept: 'text/event-stream' };
        if (token) {
          headers.Authorization = 'Bearer ' + token;
        }
        if (lastEventId !== null) {
          headers['Last-Event-ID'] = lastEventId;
        }
        const response = await fetch(path, { headers, signal: controller.signal, cache: 'no-store' });
        if (!response.ok) {
          const problem = await problemOf(response);
          if (response.status < 500 && response.status !== 429 && problem.code !== 'TOO_MANY_STREAMS') {
            onState('closed', problem);
            return;
          }
          throw problem;
        }
        onState('open');
        delay = 500;
        await read(response.body);
      } catch (error) {
        if (controller.signal.aborted) {
          return;
        }
        onState('retrying', error instanceof ApiProblem ? error : new ApiProblem(0, 'NETWORK', error.message));
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 10000);
    }
  }

  async function read(body) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += value;
      let end;
      while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(buffer.slice(end).startsWith('\r\n\r\n') ? end + 4 : end + 2);
        dispatch(block);
      }
    }
  }

  function dispatch(block) {
    let name = 'message';
    let id = null;
    const data = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith(':')) {
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') {
        name = value;
      } else if (field === 'data') {
        data.push(value);
      } else if (field === 'id') {
        id = value;
      }
    }
    if (id !== null) {
      lastEventId = id;
    }
    if (data.length === 0) {
      return;
    }
    const text = data.join('\n');
    let parsed = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // plain text data
    }
    onEvent(name, parsed, id);
  }

  connect();
  return () => controller.abort();
}
