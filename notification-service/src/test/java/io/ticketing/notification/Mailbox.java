package io.ticketing.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import io.ticketing.testsupport.TestInfrastructure;

/** The mails the test SMTP server received, read as a mail client would. */
final class Mailbox {

    private static final Session SESSION = Session.getInstance(new Properties());

    private Mailbox() {
    }

    /** Every mail received for {@code recipient}, oldest first. */
    static List<MimeMessage> to(String recipient) {
        return TestInfrastructure.smtp().received().stream().map(Mailbox::parse)
                .filter(mail -> recipients(mail).contains(recipient)).toList();
    }

    /** The plain-text body. */
    static String text(MimeMessage mail) {
        try {
            Object content = mail.getContent();
            if (content instanceof Multipart parts) {
                for (BodyPart part : parts(parts)) {
                    if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                        return (String) part.getContent();
                    }
                }
                throw new AssertionError("No text part");
            }
            return (String) content;
        }
        catch (IOException | MessagingException ex) {
            throw new AssertionError(ex);
        }
    }

    /** The attachments of a type, with their file names. */
    static List<Attachment> attachments(MimeMessage mail, String mimeType) {
        try {
            if (!(mail.getContent() instanceof Multipart parts)) {
                return List.of();
            }
            return parts(parts).stream().filter(part -> isAttachment(part, mimeType)).map(Mailbox::attachment).toList();
        }
        catch (IOException | MessagingException ex) {
            throw new AssertionError(ex);
        }
    }

    record Attachment(String fileName, byte[] bytes) {
    }

    private static boolean isAttachment(BodyPart part, String mimeType) {
        try {
            return part.isMimeType(mimeType) && Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        }
        catch (MessagingException ex) {
            throw new AssertionError(ex);
        }
    }

    private static Attachment attachment(BodyPart part) {
        try (InputStream in = part.getInputStream()) {
            return new Attachment(part.getFileName(), in.readAllBytes());
        }
        catch (IOException | MessagingException ex) {
            throw new AssertionError(ex);
        }
    }

    /** The leaf parts, looking into nested multiparts (text and attachments sit inside multipart/mixed). */
    private static List<BodyPart> parts(Multipart multipart) throws MessagingException, IOException {
        var leaves = new ArrayList<BodyPart>();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                leaves.addAll(parts(nested));
            }
            else {
                leaves.add(part);
            }
        }
        return leaves;
    }

    private static List<String> recipients(MimeMessage mail) {
        try {
            return mail.getAllRecipients() == null ? List.of()
                    : Arrays.stream(mail.getAllRecipients()).map(Object::toString).toList();
        }
        catch (MessagingException ex) {
            throw new AssertionError(ex);
        }
    }

    private static MimeMessage parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(SESSION, in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (MessagingException ex) {
            throw new AssertionError(ex);
        }
    }
}
