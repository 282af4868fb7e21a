package io.ticketing.starter.web;

import java.util.UUID;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import io.ticketing.starter.RequestRejectedException;

/** Resolves {@link CurrentCustomer} and {@link CurrentCustomerEmail} parameters from the gateway's identity headers. */
public class CurrentCustomerResolver implements HandlerMethodArgumentResolver {

    /** Set by the gateway after it verified the session; the gateway strips it from incoming requests. */
    public static final String HEADER = "X-Customer-Id";
    /** The session's e-mail address, set by the gateway next to {@link #HEADER} when the session has one. */
    public static final String EMAIL_HEADER = "X-Customer-Email";
    /** The name of the app whose API key the gateway checked. */
    public static final String API_CLIENT_HEADER = "X-Api-Client";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(CurrentCustomer.class) && parameter.getParameterType() == UUID.class
                || parameter.hasParameterAnnotation(CurrentCustomerEmail.class)
                        && parameter.getParameterType() == String.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest request, WebDataBinderFactory binderFactory) {
        if (parameter.hasParameterAnnotation(CurrentCustomerEmail.class)) {
            return request.getHeader(EMAIL_HEADER);
        }
        String customer = request.getHeader(HEADER);
        if (customer == null) {
            throw sessionRequired();
        }
        try {
            return UUID.fromString(customer);
        }
        catch (IllegalArgumentException ex) {
            throw sessionRequired();
        }
    }

    private static RequestRejectedException sessionRequired() {
        return new RequestRejectedException(RequestRejectedException.Reason.UNAUTHENTICATED, "SESSION_REQUIRED",
                "This needs a customer session");
    }
}
