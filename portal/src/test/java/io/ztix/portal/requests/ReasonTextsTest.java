package io.ztix.portal.requests;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.qute.i18n.Message;
import io.ztix.api.common.Condition;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestReason;
import io.ztix.api.joinrequest.JoinRequestStatus;
import io.ztix.portal.i18n.StatusMessages;
import io.ztix.portal.testsupport.MessageFiles;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every reason the operator can write into a JoinRequest's conditions has the portal's own text in every language:
 * the reasons are {@link JoinRequestReason}, the only type the operator's status recorder accepts, so a reason added
 * to the operator without a text here (or in one language) fails this test.
 */
class ReasonTextsTest {

    /** The bundle of one language, read from the same sources Qute uses (parameterless messages only). */
    private static StatusMessages bundle(Properties translated) {
        return (StatusMessages) Proxy.newProxyInstance(StatusMessages.class.getClassLoader(), new Class<?>[] {StatusMessages.class},
                (proxy, method, args) -> translated == null ? method.getAnnotation(Message.class).value()
                        : translated.getProperty(method.getName()));
    }

    @ParameterizedTest
    @EnumSource(JoinRequestReason.class)
    void everyReasonTheOperatorCanWriteHasAnEnglishText(JoinRequestReason reason) throws NoSuchMethodException {
        Message english = StatusMessages.class.getMethod("reason_" + reason.name()).getAnnotation(Message.class);
        assertThat(english).as("reason_%s in StatusMessages", reason).isNotNull();
        assertThat(english.value()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh_CN", "he"})
    void everyReasonTheOperatorCanWriteIsTranslated(String language) throws IOException {
        Properties translated = MessageFiles.load(StatusMessages.class, language);
        assertThat(Arrays.stream(JoinRequestReason.values()).map(r -> "reason_" + r.name())
                .filter(key -> translated.getProperty(key, "").isBlank()).toList())
                .as("reasons without a text in %s", language).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "zh_CN", "he"})
    void aMemberReadsThePortalsTextForEachReasonNeverTheOperatorsMessage(String language) throws Exception {
        Properties translated = language.isEmpty() ? null : MessageFiles.load(StatusMessages.class, language);
        StatusMessages msg = bundle(translated);
        for (JoinRequestReason reason : JoinRequestReason.values()) {
            JoinRequestStatus status = new JoinRequestStatus();
            status.conditions.add(new Condition(JoinRequest.COND_READY, Condition.FALSE, reason.name(),
                    "set spec.approval.reason; Secret 'zt-token' at http://zt-controller:9993 refused"));
            String expected = translated == null
                    ? StatusMessages.class.getMethod("reason_" + reason.name()).getAnnotation(Message.class).value()
                    : translated.getProperty("reason_" + reason.name());
            assertThat(ConditionTexts.forMember(status, msg)).as("%s in %s", reason, language).containsExactly(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "zh_CN", "he"})
    void aPendingRequestSaysOnceThatItWaitsForTheDecisionAndAnActiveOneSumsUpLast(String language) throws IOException {
        StatusMessages msg = bundle(language.isEmpty() ? null : MessageFiles.load(StatusMessages.class, language));
        JoinRequestStatus pending = new JoinRequestStatus();
        pending.conditions.add(new Condition(JoinRequest.COND_READY, Condition.FALSE, "AwaitingDecision", "Not approved yet"));
        pending.conditions.add(new Condition(JoinRequest.COND_VALID, Condition.TRUE, "Valid", "ok"));
        pending.conditions.add(new Condition(JoinRequest.COND_APPROVED, Condition.UNKNOWN, "AwaitingDecision",
                "Waiting for an IX admin to approve or reject the request"));
        assertThat(ConditionTexts.forMember(pending, msg)).containsExactly(msg.reason_Valid(), msg.reason_AwaitingDecision());

        JoinRequestStatus active = new JoinRequestStatus();
        active.conditions.add(new Condition(JoinRequest.COND_READY, Condition.TRUE, "Active", "all"));
        active.conditions.add(new Condition(JoinRequest.COND_APPROVED, Condition.TRUE, "Approved", "by ada"));
        active.conditions.add(new Condition(JoinRequest.COND_ROUTE_SERVERS_CONFIGURED, Condition.TRUE, "Configured", "rs1"));
        active.conditions.add(new Condition(JoinRequest.COND_MEMBER_AUTHORIZED, Condition.TRUE, "Authorized", "node"));
        assertThat(ConditionTexts.forMember(active, msg)).containsExactly(msg.reason_Approved(), msg.reason_Authorized(),
                msg.reason_Configured(), msg.reason_Active());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "zh_CN", "he"})
    void aRequestTheOperatorHasNotLookedAtYetSaysWhatHappensNext(String language) throws IOException {
        StatusMessages msg = bundle(language.isEmpty() ? null : MessageFiles.load(StatusMessages.class, language));
        assertThat(ConditionTexts.forMember(new JoinRequestStatus(), msg)).containsExactly(msg.next_after_submit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh_CN", "he"})
    void decisionsAndSessionStatesAreTranslated(String language) throws IOException {
        StatusMessages msg = bundle(MessageFiles.load(StatusMessages.class, language));
        for (String state : List.of("Established", "Idle", "Connect", "Active", "OpenSent", "OpenConfirm", "down")) {
            assertThat(RequestViews.state(state, msg)).as(state).startsWith(MessageFiles.load(StatusMessages.class, language)
                    .getProperty("bgp_" + state.toLowerCase())).endsWith("(\u2066" + state + "\u2069)");
        }
        assertThat(RequestViews.state("SomethingNew", msg)).isEqualTo("\u2066SomethingNew\u2069");
        assertThat(msg.decision_Approved()).isNotEqualTo("Approved");
        assertThat(msg.decision_Rejected()).isNotEqualTo("Rejected");
    }
}
