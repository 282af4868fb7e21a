package io.ticketing.starter.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller parameter ({@code @CurrentCustomerEmail String email}) that receives the e-mail address of
 * the customer's session, from the gateway's {@value CurrentCustomerResolver#EMAIL_HEADER} header; null when the
 * session has none. Where the customer is told of what happens later (offers, tickets, refunds).
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface CurrentCustomerEmail {
}
