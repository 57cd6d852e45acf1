package io.ztix.portal.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The e-mail notifications (subjects, greeting, body lines and footer).
 * Templates read them as {@code {mail:key}}; translations in messages/mail_zh_CN.properties and
 * messages/mail_he.properties.
 */
@MessageBundle(value = "mail", locale = "en-US")
public interface MailMessages {

    @Message("New request {request}")
    String mail_subject_SUBMITTED(String request);

    @Message("Node ID conflict: {request}")
    String mail_subject_NODE_CONFLICT(String request);

    @Message("Your request {request} was approved")
    String mail_subject_APPROVED(String request);

    @Message("Your request {request} was rejected")
    String mail_subject_REJECTED(String request);

    @Message("Your port {request} is active")
    String mail_subject_ACTIVE(String request);

    @Message("Setting up {request} did not work")
    String mail_subject_FAILED(String request);

    @Message("A problem at the exchange: {request}")
    String mail_subject_DEGRADED(String request);

    @Message("Hello {name},")
    String mail_hello(String name);

    @Message("Your port is being set up now; you get another e-mail when it is active.")
    String mail_approved_next();

    @Message("The IX's reason: {reason}")
    String mail_rejected_reason(String reason);

    @Message("Your request and its current status:")
    String mail_see_request();

    @Message("{requester} asked for {asn} to join {network} ({request}).")
    String mail_submitted(String requester, String asn, String network, String request);

    @Message("Decide it from the pending queue:")
    String mail_decide_in_queue();

    @Message("This e-mail was sent by the {ix} portal about a request you made or an IX you run.")
    String mail_footer(String ix);
}
