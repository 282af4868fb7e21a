package io.ticketing.starter.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller parameter ({@code @CurrentCustomer UUID customerId}) that receives the customer the
 * gateway verified — from its {@value CurrentCustomerResolver#HEADER} header, never from anything the
 * client controls. A request without one is refused with {@code 401 SESSION_REQUIRED}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface CurrentCustomer {
}
