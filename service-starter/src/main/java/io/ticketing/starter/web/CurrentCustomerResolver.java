package io.ticketing.starter.web;

import java.util.UUID;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import io.ticketing.starter.RequestRejectedException;

/** Resolves {@link CurrentCustomer} parameters from the gateway's identity header. */
public class CurrentCustomerResolver implements HandlerMethodArgumentResolver {

    /** Set by the gateway after it verified the session; the gateway strips it from incoming requests. */
    public static final String HEADER = "X-Customer-Id";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(CurrentCustomer.class) && parameter.getParameterType() == UUID.class;
    }

    @Override
    public UUID resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest request, WebDataBinderFactory binderFactory) {
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
