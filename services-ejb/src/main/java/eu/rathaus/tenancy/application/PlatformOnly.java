package eu.rathaus.tenancy.application;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks service methods only the platform may call (onboarding, suspending, re-activating, listing
 * every municipality). web.xml's role constraint on {@code /admin/*} guards the pages; this guards
 * the methods themselves, so a new page, an API resource or a bug that reaches them with another
 * caller's scope is refused instead of trusted ({@link CallerNotPermitted}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PlatformOnly {}
