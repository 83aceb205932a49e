package dev.gatehouse.notification.internal;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Email over SMTP. Each delivery has its own Message-ID, so a message sent again after a crash
 * mid-send is recognisable as the same one.
 */
final class EmailCourier implements Courier {

    private final JavaMailSender mail;
    private final String from;

    EmailCourier(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public void send(DeliveryRepository.Outgoing delivery) throws DeliveryFailed {
        try {
            MimeMessage message = new DeliveryMessage(mail.createMimeMessage(), delivery.id());
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(from);
            helper.setTo(delivery.recipient());
            helper.setSubject(delivery.subject());
            helper.setText(delivery.body());
            mail.send(message);
        } catch (MailException | MessagingException e) {
            throw new DeliveryFailed("SMTP: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }

    /** Keeps the Message-ID JavaMail would otherwise replace with a random one when saving. */
    private static final class DeliveryMessage extends MimeMessage {
        private final long id;

        DeliveryMessage(MimeMessage source, long id) throws MessagingException {
            super(source.getSession());
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<notification-" + id + "@gatehouse>");
        }
    }
}
