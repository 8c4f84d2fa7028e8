package eu.rathaus.catalogue.domain;

import java.io.Serializable;

/**
 * "Show this field only if field {@code fieldKey} has the value {@code value}". For a yes/no field
 * the value is {@code "true"} or {@code "false"}; for a multiple choice it means "is among the
 * selected keys". Conditions may only point to earlier fields, so visibility is decided in one pass
 * in form order and can never loop.
 */
public record VisibilityCondition(String fieldKey, String value) implements Serializable {}
