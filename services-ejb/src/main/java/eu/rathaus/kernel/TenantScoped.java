package eu.rathaus.kernel;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks service methods that touch tenant-owned data: inside their transaction, the caller's scope
 * is handed to PostgreSQL before the first query, so row-level security sees the same scope as the
 * service layer. Use together with {@code @Transactional}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TenantScoped {}
