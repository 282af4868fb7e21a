/** Black-box tests of the running platform, through the gateway only. */
package io.ticketing.systemtests;
