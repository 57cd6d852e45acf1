package io.ztix.portal.requests;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.qute.i18n.Message;
import io.ztix.api.common.Condition;
import io.ztix.api.joinrequest.JoinRequest;
import io.ztix.api.joinrequest.JoinRequestReason;
import io.ztix.api.joinrequest.JoinRequestStatus;
import io.ztix.portal.i18n.AppMessages;
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
    private static AppMessages bundle(Properties translated) {
        return (AppMessages) Proxy.newProxyInstance(AppMessages.class.getClassLoader(), new Class<?>[] {AppMessages.class},
                (proxy, method, args) -> translated == null ? method.getAnnotation(Message.class).value()
                        : translated.getProperty(method.getName()));
    }

    @ParameterizedTest
    @EnumSource(JoinRequestReason.class)
    void everyReasonTheOperatorCanWriteHasAnEnglishText(JoinRequestReason reason) throws NoSuchMethodException {
        Message english = AppMessages.class.getMethod("reason_" + reason.name()).getAnnotation(Message.class);
        assertThat(english).as("reason_%s in AppMessages", reason).isNotNull();
        assertThat(english.value()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"msg_zh_CN.properties", "msg_he.properties"})
    void everyReasonTheOperatorCanWriteIsTranslated(String file) throws IOException {
        Properties translated = MessageFiles.load(file);
        assertThat(Arrays.stream(JoinRequestReason.values()).map(r -> "reason_" + r.name())
                .filter(key -> translated.getProperty(key, "").isBlank()).toList())
                .as("reasons without a text in %s", file).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "msg_zh_CN.properties", "msg_he.properties"})
    void aMemberReadsThePortalsTextForEachReasonNeverTheOperatorsMessage(String file) throws Exception {
        Properties translated = file.isEmpty() ? null : MessageFiles.load(file);
        AppMessages msg = bundle(translated);
        for (JoinRequestReason reason : JoinRequestReason.values()) {
            JoinRequestStatus status = new JoinRequestStatus();
            status.conditions.add(new Condition(JoinRequest.COND_READY, Condition.FALSE, reason.name(),
                    "set spec.approval.reason; Secret 'zt-token' at http://zt-controller:9993 refused"));
            String expected = translated == null
                    ? AppMessages.class.getMethod("reason_" + reason.name()).getAnnotation(Message.class).value()
                    : translated.getProperty("reason_" + reason.name());
            assertThat(ConditionTexts.forMember(status, msg)).as("%s in %s", reason, file).containsExactly(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "msg_zh_CN.properties", "msg_he.properties"})
    void aPendingRequestSaysOnceThatItWaitsForTheDecisionAndAnActiveOneSumsUpLast(String file) throws IOException {
        AppMessages msg = bundle(file.isEmpty() ? null : MessageFiles.load(file));
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
    @ValueSource(strings = {"", "msg_zh_CN.properties", "msg_he.properties"})
    void aRequestTheOperatorHasNotLookedAtYetSaysWhatHappensNext(String file) throws IOException {
        AppMessages msg = bundle(file.isEmpty() ? null : MessageFiles.load(file));
        assertThat(ConditionTexts.forMember(new JoinRequestStatus(), msg)).containsExactly(msg.next_after_submit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"msg_zh_CN.properties", "msg_he.properties"})
    void decisionsAndSessionStatesAreTranslated(String file) throws IOException {
        AppMessages msg = bundle(MessageFiles.load(file));
        for (String state : List.of("Established", "Idle", "Connect", "Active", "OpenSent", "OpenConfirm", "down")) {
            assertThat(RequestViews.state(state, msg)).as(state).startsWith(MessageFiles.load(file)
                    .getProperty("bgp_" + state.toLowerCase())).endsWith("(\u2066" + state + "\u2069)");
        }
        assertThat(RequestViews.state("SomethingNew", msg)).isEqualTo("\u2066SomethingNew\u2069");
        assertThat(msg.decision_Approved()).isNotEqualTo("Approved");
        assertThat(msg.decision_Rejected()).isNotEqualTo("Rejected");
    }
}
