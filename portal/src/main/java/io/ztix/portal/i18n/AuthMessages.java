package io.ztix.portal.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Logging in and out, and why a person may not request a port (PeeringDB affiliation, permissions, verification).
 * Templates read them as {@code {auth:key}}; translations in messages/auth_zh_CN.properties and
 * messages/auth_he.properties.
 */
@MessageBundle(value = "auth", locale = "en-US")
public interface AuthMessages {

    @Message("Log in")
    String login_title();

    @Message("Log in with PeeringDB")
    String login_peeringdb();

    @Message("Recommended: your PeeringDB account tells us which networks you may act for.")
    String login_peeringdb_hint();

    @Message("Local account")
    String login_local();

    @Message("User name")
    String login_username();

    @Message("Password")
    String login_password();

    @Message("Log in")
    String login_submit();

    @Message("Login failed. Check your user name and password. After several failures the account is locked for a while.")
    String login_failed();

    @Message("You are logged out.")
    String logged_out();

    @Message("You cannot request a port yet")
    String not_eligible_title();

    @Message("Your PeeringDB account is not affiliated with any network.")
    String not_eligible_no_networks();

    @Message("Your PeeringDB account has too few permissions for these networks:")
    String not_eligible_perms();

    @Message("Ask an administrator of your organisation on PeeringDB to grant you access to the network, then log in again.")
    String not_eligible_how();

    @Message("PeeringDB has not verified your account or e-mail address yet. You can look around, but you cannot submit requests until PeeringDB verifies you.")
    String unverified();
}
