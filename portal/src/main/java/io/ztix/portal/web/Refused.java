package io.ztix.portal.web;

/** An action the user may not take, with the explanation to show them (already in their language): a 403 page. */
public class Refused extends RuntimeException {

    public Refused(String userMessage) {
        super(userMessage);
    }
}
