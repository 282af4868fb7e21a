// Sign-in with a code mailed to the customer's address: one e-mail address is one customer on every device.

import { call, ApiProblem } from '/shared/api.js';
import { h, show, notice } from '/shared/dom.js';
import { remember } from './session.js';

/** The sign-in page; goes to `next` (a hash route) once signed in. */
export function signIn(main, { next = '#/' } = {}) {
  const status = h('div', { 'aria-live': 'polite' });
  const email = h('input', { id: 'signin-email', type: 'email', name: 'email', autocomplete: 'email', required: true });
  const emailForm = h('form', {},
    h('label', { for: 'signin-email' }, 'E-mail address'),
    h('p', { class: 'muted', id: 'signin-email-hint' }, 'We mail you a 6-digit code. No password needed.'),
    email, ' ',
    h('button', { class: 'primary', type: 'submit' }, 'Send me a code'));
  email.setAttribute('aria-describedby', 'signin-email-hint');
  show(main, h('h1', {}, 'Sign in'), emailForm, status);
  email.focus();

  emailForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = emailForm.querySelector('button');
    button.disabled = true;
    try {
      const challenge = await call('POST', '/api/v1/sessions/challenges', { body: { email: email.value.trim() } });
      askForCode(challenge, email.value.trim());
    } catch (problem) {
      show(status, notice(problem.message, 'error'));
      button.disabled = false;
    }
  });

  function askForCode(challenge, address) {
    const code = h('input', { id: 'signin-code', name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code',
      pattern: '[0-9]{6}', maxlength: 6, required: true });
    const codeForm = h('form', {},
      h('label', { for: 'signin-code' }, 'The 6-digit code from the e-mail'),
      code, ' ',
      h('button', { class: 'primary', type: 'submit' }, 'Sign in'), ' ',
      h('button', { class: 'link', type: 'button', onclick: () => signIn(main, { next }) }, 'Use another address'));
    show(main, h('h1', {}, 'Sign in'), notice('We sent a code to ' + address + '. It is valid for 10 minutes.', 'ok'),
      codeForm, status);
    show(status);
    code.focus();
    codeForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        const session = await call('POST', '/api/v1/sessions', { body: { challengeId: challenge.challengeId, code: code.value.trim() } });
        remember({ ...session, email: address });
        location.hash = next;
      } catch (problem) {
        show(status, notice(problem instanceof ApiProblem ? problem.message : String(problem), 'error'));
        code.select();
      }
    });
  }
}
