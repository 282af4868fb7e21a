// After the hold: a countdown to its expiry, release, payment (locally the simulated card step, in production Stripe's
// Payment Element), then the booking with one QR code per seat, the PDF and the e-mail note; the customer's bookings
// and cancellation with the refund the policy gives.

import { call, webConfig } from '/shared/api.js';
import { h, show, money, localTime, clock, notice } from '/shared/dom.js';
import { showDetails } from './browse.js';
import { currentSession, recall, token } from './session.js';

const HOLD_WORDS = {
  EXPIRED: 'The time to pay ran out and the seats were released.',
  RELEASED: 'You released these seats.',
  REFUNDED: 'The payment came too late for these seats and was refunded in full.',
};

/** A hold: its seats and price, the time left to pay, release, and the payment. Answers a function that stops it. */
export async function holdPage(main, holdId) {
  let hold = await call('GET', '/api/v1/holds/' + holdId, { token: token() });
  const known = recall('hold.' + holdId) || {};
  const details = await showDetails(hold.showId || known.showId);
  if (hold.status === 'CONFIRMED' && hold.bookingId) {
    location.hash = '#/booking/' + hold.bookingId;
    return () => {};
  }
  const zone = details.city.timeZone;
  const countdown = h('p', { class: 'countdown', role: 'timer', 'aria-live': 'off' });
  const status = h('div', { 'aria-live': 'polite' });
  const payArea = h('div', { class: 'pay' });
  const amount = known.amount !== undefined ? money(known.amount, known.currency) : null;
  const release = h('button', { type: 'button', class: 'danger', id: 'release' }, 'Release seats');
  const pay = h('button', { type: 'button', class: 'primary', id: 'pay' }, amount ? 'Pay ' + amount : 'Pay');
  show(main,
    h('h1', {}, 'Your seats are held'),
    h('p', {}, `${details.movie.title} · ${details.cinema.name} · ${details.hallName} · ${localTime(details.startsAt, zone)}`),
    h('p', { class: 'seats-held' }, 'Seats ' + hold.seatIds.join(', ') + (amount ? ' · ' + amount : '')),
    countdown,
    h('div', { class: 'row' }, pay, release),
    payArea, status);

  let stopped = false;
  const expiresAt = Date.parse(hold.expiresAt);
  const timer = setInterval(tick, 1000);
  tick();

  function tick() {
    const left = (expiresAt - Date.now()) / 1000;
    if (hold.status !== 'HELD' && hold.status !== 'PAYMENT_PENDING') {
      countdown.textContent = HOLD_WORDS[hold.status] || '';
      return;
    }
    countdown.textContent = left > 0 ? 'Held for you for ' + clock(left) + ' more.' : 'The time to pay has run out.';
    countdown.classList.toggle('urgent', left < 60);
    if ([60, 30, 10].includes(Math.floor(left))) {
      status.replaceChildren(notice(clock(left) + ' left to pay.', 'warn'));
    }
  }

  if (hold.status !== 'HELD' && hold.status !== 'PAYMENT_PENDING') {
    ended();
  }

  function ended() {
    pay.disabled = true;
    release.disabled = true;
    show(status, notice(HOLD_WORDS[hold.status] || 'This hold is ' + hold.status.toLowerCase() + '.', 'warn'),
      h('a', { class: 'button', href: '#/show/' + hold.showId }, 'Back to the seat map'));
    tick();
  }

  release.addEventListener('click', async () => {
    release.disabled = true;
    try {
      await call('DELETE', '/api/v1/holds/' + holdId, { token: token() });
      hold = { ...hold, status: 'RELEASED' };
      ended();
    } catch (problem) {
      release.disabled = false;
      show(status, notice(problem.message, 'error'));
    }
  });

  pay.addEventListener('click', async () => {
    pay.disabled = true;
    try {
      const payment = await call('POST', `/api/v1/holds/${holdId}/payment`, { token: token(), body: {} });
      pay.textContent = 'Pay ' + money(payment.amount, payment.currency);
      if (String(payment.provider).toLowerCase() === 'stripe') {
        await stripeStep(payment);
      } else {
        simulatedStep(payment);
      }
    } catch (problem) {
      pay.disabled = false;
      show(status, notice(problem.message, 'error'));
    }
  });

  /** The simulated provider's card step (local stack): the customer says whether the card goes through. */
  function simulatedStep(payment) {
    const confirm = async (outcome) => {
      buttons.forEach((b) => { b.disabled = true; });
      try {
        await call('POST', `/api/v1/payments/${payment.paymentId}/confirm`, { token: token(), body: { outcome } });
        show(status, h('p', { class: 'muted' }, 'Waiting for the payment to go through…'));
        await settle(payment);
      } catch (problem) {
        buttons.forEach((b) => { b.disabled = false; });
        show(status, notice(problem.message, 'error'));
      }
    };
    const buttons = [
      h('button', { type: 'button', class: 'primary', id: 'card-succeeds', onclick: () => confirm('succeeded') }, 'Pay ' + money(payment.amount, payment.currency)),
      h('button', { type: 'button', id: 'card-fails', onclick: () => confirm('failed') }, 'Decline the card'),
    ];
    show(payArea, h('section', { class: 'card simulated' },
      h('h2', {}, 'Test card'),
      h('p', { class: 'muted' }, 'This platform takes simulated payments: no money moves. Choose what the card does.'),
      h('div', { class: 'row' }, buttons)));
    buttons[0].focus();
  }

  /** Stripe's Payment Element with the publishable key and the payment's client secret; Stripe redirects only if it must. */
  async function stripeStep(payment) {
    const { stripePublishableKey } = await webConfig();
    if (!stripePublishableKey) {
      throw new Error('Card payments are not set up on this platform yet (no Stripe publishable key).');
    }
    await loadScript('https://js.stripe.com/v3/');
    const stripe = window.Stripe(stripePublishableKey);
    const elements = stripe.elements({ clientSecret: payment.clientSecret });
    const element = h('div', { id: 'payment-element' });
    const submit = h('button', { type: 'submit', class: 'primary' }, 'Pay ' + money(payment.amount, payment.currency));
    const form = h('form', { class: 'card' }, element, submit);
    show(payArea, form);
    elements.create('payment').mount(element);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      submit.disabled = true;
      const result = await stripe.confirmPayment({ elements, redirect: 'if_required',
        confirmParams: { return_url: location.origin + '/#/hold/' + holdId } });
      if (result.error) {
        submit.disabled = false;
        show(status, notice(result.error.message, 'error'));
        return;
      }
      show(status, h('p', { class: 'muted' }, 'Waiting for the payment to go through…'));
      await settle(payment);
    });
  }

  /** Follows the payment and the hold until the booking exists, the payment failed, or the hold ended. */
  async function settle(payment) {
    for (let attempt = 0; attempt < 60 && !stopped; attempt++) {
      const [paid, current] = await Promise.all([call('GET', '/api/v1/payments/' + payment.paymentId, { token: token() }),
        call('GET', '/api/v1/holds/' + holdId, { token: token() })]);
      hold = current;
      if (paid.status === 'FAILED') {
        pay.disabled = false;
        show(payArea);
        show(status, notice('The payment did not go through' + (paid.failureReason ? ' (' + paid.failureReason.replaceAll('_', ' ') + ')' : '') +
          '. Your seats are still held: try again.', 'error'));
        return;
      }
      if (current.status === 'CONFIRMED' && current.bookingId) {
        location.hash = '#/booking/' + current.bookingId;
        return;
      }
      if (current.status === 'REFUNDED' || paid.status === 'REFUNDED' || paid.status === 'REFUND_PENDING') {
        hold = { ...current, status: 'REFUNDED' };
        ended();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

function loadScript(src) {
  return new Promise((resolve, reject) => {
    if (document.querySelector(`script[src="${src}"]`)) {
      resolve();
      return;
    }
    const script = h('script', { src });
    script.onload = resolve;
    script.onerror = () => reject(new Error('The payment form could not be loaded; try again.'));
    document.head.append(script);
  });
}

/** A booking: its seats, one QR code per ticket, the PDF, the e-mail note, and cancellation. */
export async function bookingPage(main, bookingId) {
  let stopped = false;
  let booking = await call('GET', '/api/v1/bookings/' + bookingId, { token: token() });
  const details = await showDetails(booking.showId);
  const zone = details.city.timeZone;
  const tickets = h('div', { class: 'tickets', 'aria-live': 'polite' });
  const status = h('div', { 'aria-live': 'polite' });
  const actions = h('div', { class: 'row' });
  show(main,
    h('h1', {}, booking.status === 'CANCELLED' ? 'Booking cancelled' : 'You are going!'),
    h('p', {}, `${details.movie.title} · ${details.cinema.name}, ${details.cinema.address} · ${details.hallName}`),
    h('p', { class: 'when' }, localTime(details.startsAt, zone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' })),
    h('p', {}, 'Seats ' + booking.seatIds.join(', ') + ' · paid ' + money(booking.amount, booking.currency)),
    h('p', { class: 'muted' }, 'Booking ' + booking.bookingId),
    actions, status, tickets);
  render();

  async function render() {
    if (booking.status === 'CANCELLED') {
      show(actions);
      show(tickets, notice('Cancelled' + (booking.refundAmount !== undefined ? '; refund ' + money(booking.refundAmount, booking.currency) : '') + '.', 'warn'));
      return;
    }
    const email = currentSession()?.email;
    show(actions,
      h('button', { type: 'button', id: 'download-pdf', onclick: downloadPdf }, 'Download tickets (PDF)'),
      h('button', { type: 'button', class: 'danger', id: 'cancel-booking', onclick: cancel }, 'Cancel booking'));
    if (booking.tickets.length === 0) {
      show(tickets, h('p', { class: 'muted' }, 'Your tickets are being issued…'));
      for (let attempt = 0; attempt < 40 && booking.tickets.length === 0 && !stopped; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        booking = await call('GET', '/api/v1/bookings/' + bookingId, { token: token() });
      }
    }
    const { default: QrCreator } = await import('/webjars/qr-creator/1.0.0/dist/qr-creator.es6.min.js');
    show(tickets,
      email ? notice('Your tickets are also on their way to ' + email + '.', 'ok') : null,
      h('ul', { class: 'cards', 'aria-label': 'Tickets' }, booking.tickets.map((ticket) => {
        const code = h('div', { class: 'qr', role: 'img', 'aria-label': 'QR code of the ticket for seat ' + ticket.seatId });
        QrCreator.render({ text: ticket.qrCode, radius: 0, ecLevel: 'M', fill: '#000000', background: '#ffffff', size: 220 }, code);
        return h('li', { class: 'card ticket', dataset: { seat: ticket.seatId } },
          h('h2', {}, 'Seat ' + ticket.seatId), code, h('p', { class: 'muted' }, 'Ticket ' + ticket.ticketId));
      })));
  }

  async function downloadPdf() {
    try {
      const pdf = await call('GET', `/api/v1/bookings/${bookingId}/tickets.pdf`, { token: token(), accept: 'application/pdf' });
      const link = h('a', { href: URL.createObjectURL(pdf), download: 'tickets-' + bookingId + '.pdf' });
      document.body.append(link);
      link.click();
      link.remove();
    } catch (problem) {
      show(status, notice(problem.message, 'error'));
    }
  }

  async function cancel() {
    const startsIn = Date.parse(details.startsAt) - Date.now();
    const full = startsIn >= 2 * 3600 * 1000;
    const words = full ? 'You get ' + money(booking.amount, booking.currency) + ' back in full.'
      : 'The show starts in less than 2 hours: there is no refund any more.';
    const yes = h('button', { type: 'button', class: 'danger', id: 'confirm-cancel' }, 'Yes, cancel');
    const no = h('button', { type: 'button' }, 'Keep my booking');
    show(status, h('div', { class: 'notice warn', role: 'alertdialog', 'aria-label': 'Cancel this booking?' },
      h('p', {}, 'Cancel this booking? ' + words), h('div', { class: 'row' }, yes, no)));
    yes.focus();
    no.addEventListener('click', () => show(status));
    yes.addEventListener('click', async () => {
      yes.disabled = true;
      try {
        booking = await call('POST', `/api/v1/bookings/${bookingId}/cancel`, { token: token() });
        show(status, notice('Your booking is cancelled' + (booking.refundAmount !== undefined
          ? '; ' + money(booking.refundAmount, booking.currency) + ' is refunded to your card.' : '.'), 'ok'));
        render();
      } catch (problem) {
        show(status, notice(problem.message, 'error'));
      }
    });
  }

  return () => {
    stopped = true;
  };
}

/** The customer's bookings, newest first. */
export async function myBookings(main) {
  const bookings = await call('GET', '/api/v1/bookings', { token: token() });
  const rows = await Promise.all(bookings.map(async (booking) => ({ booking, details: await showDetails(booking.showId).catch(() => null) })));
  show(main, h('h1', {}, 'My bookings'),
    rows.length === 0 ? notice('No bookings yet.') : h('ul', { class: 'cards', 'aria-label': 'Bookings' }, rows.map(({ booking, details }) =>
      h('li', { class: 'card' },
        h('h2', {}, h('a', { href: '#/booking/' + booking.bookingId }, details ? details.movie.title : 'Booking')),
        details ? h('p', {}, details.cinema.name + ' · ' + localTime(details.startsAt, details.city.timeZone)) : null,
        h('p', { class: 'muted' }, booking.seatIds.join(', ') + ' · ' + money(booking.amount, booking.currency) +
          (booking.status === 'CANCELLED' ? ' · cancelled' : ''))))));
}
