package io.ztix.operator.bird;

/**
 * A value the BIRD templates read properties from. Views answer by name instead of through reflection,
 * which keeps rendering fast and makes every name a template may use visible in one switch.
 */
interface TemplateView {

    /** The property's value, or {@code null} when the view has no property of that name. */
    Object property(String name);
}
