package io.ticketing.notification.mail.web;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.ticketing.notification.mail.Mails;

/**
 * The gateway's sign-in codes, mailed like every other mail: stored first (once per challenge, however often the
 * gateway asks), then sent with retries. Internal (not in the API documents): the gateway calls it, customers never
 * reach it.
 */
@RestController
class SignInCodeController {

    private final Mails mails;

    SignInCodeController(Mails mails) {
        this.mails = mails;
    }

    record SignInCode(@NotNull UUID challengeId, @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Pattern(regexp = "[0-9]{6}") String code, @NotNull Instant expiresAt) {
    }

    @PostMapping("/internal/v1/sign-in-codes")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void mail(@Valid @RequestBody SignInCode request) {
        mails.signInCode(request.challengeId(), request.email(), request.code(), request.expiresAt());
    }
}
