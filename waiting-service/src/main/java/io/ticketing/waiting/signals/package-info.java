/** PostgreSQL's notifications, heard by every instance: how a change made on one reaches watchers on all. */
package io.ticketing.waiting.signals;
