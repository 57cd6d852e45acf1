package io.ztix.portal.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.ztix.portal.i18n.RequestLanguage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** Starts every page in the request's language. */
@RequestScoped
public class Views {

    @Inject
    RequestLanguage language;

    public TemplateInstance page(Template template) {
        TemplateInstance instance = template.instance();
        instance.setLocale(language.get().locale());
        return instance;
    }
}
