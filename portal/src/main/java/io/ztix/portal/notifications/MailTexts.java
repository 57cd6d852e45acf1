package io.ztix.portal.notifications;

import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestSpec;
import io.ztix.portal.i18n.AdminMessages;
import io.ztix.portal.i18n.MailMessages;
import io.ztix.portal.i18n.MessageKeys;
import io.ztix.portal.i18n.RequestLanguage;
import io.ztix.portal.i18n.StatusMessages;

/**
 * The subject and plain-text body of one notification e-mail, in one language, from the portal's own texts:
 * the member's text for the condition's reason (never the operator's message, which is for admins), the IX's
 * rejection reason (written for the requester), names and a link. No secrets, no kubectl lines.
 */
final class MailTexts {

    record Mail(String subject, String body) {
    }

    private MailTexts() {
    }

    /** @param language the tag of one of {@link io.ztix.portal.i18n.Languages#ALL} */
    static Mail of(Event event, JoinRequest r, String language, String ix, String portalUrl) {
        MailMessages msg = RequestLanguage.messages(MailMessages.class, language);
        StatusMessages status = RequestLanguage.messages(StatusMessages.class, language);
        String name = r.getMetadata().getName();
        JoinRequestSpec spec = r.getSpec();
        String subject = "[" + ix + "] "
                + MessageKeys.text(msg, "mail_subject_" + event.kind().name(), name, name);
        StringBuilder body = new StringBuilder();
        if (event.kind().forAdmin) {
            if (event.kind() == Event.Kind.SUBMITTED) {
                String requester = spec.requester == null || spec.requester.name == null ? "?" : spec.requester.name;
                body.append(msg.mail_submitted(requester, "AS" + spec.asn,
                        spec.networkRef + (spec.networkName == null ? "" : " / " + spec.networkName), name));
            } else {
                body.append(RequestLanguage.messages(AdminMessages.class, language).admin_node_conflict());
            }
            body.append("\n\n").append(msg.mail_decide_in_queue()).append('\n').append(portalUrl).append("/admin/pending");
        } else {
            String who = spec.requester == null || spec.requester.name == null ? name : spec.requester.name;
            body.append(msg.mail_hello(who)).append("\n\n");
            String what = event.reason() == null ? null
                    : MessageKeys.text(status, "reason_" + event.reason(), null);
            body.append(what != null ? what : status.cond_Degraded_True());
            if (event.kind() == Event.Kind.APPROVED) {
                body.append(' ').append(msg.mail_approved_next());
            }
            if (event.kind() == Event.Kind.REJECTED && spec.approval != null && spec.approval.reason != null) {
                body.append("\n\n").append(msg.mail_rejected_reason(spec.approval.reason));
            }
            body.append("\n\n").append(msg.mail_see_request()).append('\n').append(portalUrl).append("/requests/").append(name);
        }
        body.append("\n\n-- \n").append(msg.mail_footer(ix)).append('\n');
        return new Mail(subject, body.toString());
    }
}
