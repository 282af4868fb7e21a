/** What the waiting lines' and the waiting rooms' HTTP sides share. */
package io.ticketing.waiting.web;
